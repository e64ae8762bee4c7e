// Fills elements marked data-i18n="key" with the localized message.

export function localize(doc, getMessage) {
  for (const el of doc.querySelectorAll('[data-i18n]')) {
    const text = getMessage(el.dataset.i18n);
    if (text) el.textContent = text;
  }
  doc.documentElement.lang = getMessage('@@ui_locale').replace('_', '-') || 'en';
}
