/** The one decoding of bytes to text lives in the model, where the spec loader can use it too. */
export { decode, type Decoded, type Encoding } from '../model/decode.js';
