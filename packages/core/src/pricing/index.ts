/** Public API of pricing/ (re-exported by the package entry). */
export {};
