export * from './sections.js';
export * from './form.js';
export * from './extraction.js';
export { parseLooseInt } from './numbers.js';
