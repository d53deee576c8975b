// Puts text in a lookup's input as typing it would (for Look up on an unknown caller): the input
// event runs React's onChange, so downshift keeps the text and the search starts. DOM only.

export function enterText(input: HTMLInputElement, text: string): void {
  // React tracks the value the page set itself; the prototype's setter is what typing goes through.
  Reflect.set(HTMLInputElement.prototype, 'value', text, input);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
