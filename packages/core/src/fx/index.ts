/** Public API of fx/ (re-exported by the package entry). */
export {};
