// Small DOM helpers: every text comes from the page's language file, every screen moves focus to its heading.

const texts = JSON.parse(document.getElementById('texts').textContent);

/** The text for a key, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** Creates an element: attributes (on* become listeners, boolean true sets the attribute) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const main = () => document.getElementById('main');

/** Replaces the page content with a new step; its heading takes the focus so screen readers start there. */
export function screen(title, ...content) {
  const heading = h('h1', { tabindex: '-1', id: 'step-title' }, title);
  main().replaceChildren(heading, ...content);
  document.title = `${title} – ${t('page_title')}`;
  heading.focus();
  return heading;
}

export function setProgress(step, total) {
  const progress = document.getElementById('progress');
  progress.textContent = step ? t('progress', { step, total }) : '';
}

export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  // A fresh text node is announced even when the message repeats.
  requestAnimationFrame(() => { announcer.textContent = message; });
}

export function button(label, onclick, { primary = false, id } = {}) {
  return h('button', { type: 'button', class: primary ? 'button primary' : 'button', id, onclick }, label);
}

/** A file picker styled as a button: a real <input type=file> with its own label, usable by keyboard. */
export function filePicker(label, onfile, { id = 'file-input', capture } = {}) {
  const input = h('input', { type: 'file', id, accept: 'image/jpeg,image/png,image/webp', class: 'file-input', capture });
  input.addEventListener('change', () => { if (input.files?.[0]) onfile(input.files[0]); });
  return h('div', { class: 'file-picker' }, h('label', { for: id, class: 'button' }, label), input);
}

export function notice(kind, ...content) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

export function spinner() {
  return h('div', { class: 'spinner', 'aria-hidden': 'true' });
}
