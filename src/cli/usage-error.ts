/** The CLI's name for the error a user can fix; it lives in the library (src/model/usage-error.ts), shared with the server. */
export { UsageError } from '../model/usage-error.js';
