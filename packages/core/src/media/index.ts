/** Public API of media/ (re-exported by the package entry). */
export {};
