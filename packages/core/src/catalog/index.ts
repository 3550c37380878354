/** Public API of catalog/ (re-exported by the package entry). */
export {};
