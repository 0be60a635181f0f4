// Vite's `?raw` imports (a file's text as a string), for code that Node tests compile without
// vite/client's types. Vitest and Vite resolve them the same way at run time.
declare module '*?raw' {
  const text: string;
  export default text;
}
