export const id = 786;
export const ids = [786];
export const modules = {

/***/ 59786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ open)
/* harmony export */ });
/**
 * Stands in for the `open` package in the bundle (tsconfig.json `paths` maps `open` here; ncc resolves through
 * it). @azure/identity imports `open` lazily for interactive browser sign-in, which the action never uses: it
 * signs in with ClientAssertionCredential and ClientSecretCredential. Bundling the real package would ship a
 * chunk and a shell script that launches browsers in dist/.
 */
function open() {
    throw new Error('entra-tenant-bridge does not open a browser: interactive sign-in is not part of the action');
}


/***/ })

};
