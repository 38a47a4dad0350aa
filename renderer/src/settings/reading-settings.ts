// How a person likes to read: theme (light, sepia, dark or the system's), serif or sans, size,
// line width and line height. Kept on this device (localStorage) and applied as CSS variables.
import { h } from '../dom';

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface ReadingSettings {
  theme: Theme;
  font: 'serif' | 'sans';
  size: number;
  width: number;
  lineHeight: number;
}

const DEFAULTS: ReadingSettings = { theme: 'system', font: 'serif', size: 20, width: 65, lineHeight: 1.65 };
const KEY = 'margin.reading-settings';
const LIMITS = { size: [14, 30], width: [45, 95], lineHeight: [1.3, 2.1] } as const;

const clamp = (value: unknown, [low, high]: readonly [number, number], fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : fallback;

export function loadSettings(storage: Storage = localStorage): ReadingSettings {
  let saved: Partial<ReadingSettings> = {};
  try {
    saved = JSON.parse(storage.getItem(KEY) ?? '{}') as Partial<ReadingSettings>;
  } catch {
    saved = {};
  }
  return {
    theme: THEMES.includes(saved.theme as Theme) ? (saved.theme as Theme) : DEFAULTS.theme,
    font: saved.font === 'sans' ? 'sans' : 'serif',
    size: clamp(saved.size, LIMITS.size, DEFAULTS.size),
    width: clamp(saved.width, LIMITS.width, DEFAULTS.width),
    lineHeight: clamp(saved.lineHeight, LIMITS.lineHeight, DEFAULTS.lineHeight),
  };
}

export function applySettings(settings: ReadingSettings, root: HTMLElement = document.documentElement): void {
  const dark = settings.theme === 'dark' || (settings.theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.dataset.theme = settings.theme === 'system' ? (dark ? 'dark' : 'light') : settings.theme;
  root.style.setProperty('--reading-font', settings.font === 'sans' ? 'var(--sans)' : 'var(--serif)');
  root.style.setProperty('--reading-size', `${settings.size}px`);
  root.style.setProperty('--reading-width', `${settings.width}ch`);
  root.style.setProperty('--reading-line-height', String(settings.lineHeight));
}

function labelled(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'setting' }, h('span', {}, label), control);
}

/** The "Aa" panel: every change applies at once and is remembered. */
export function settingsPanel(initial: ReadingSettings, storage: Storage = localStorage): { button: HTMLButtonElement; panel: HTMLElement } {
  let settings = initial;
  const update = (patch: Partial<ReadingSettings>) => {
    settings = { ...settings, ...patch };
    storage.setItem(KEY, JSON.stringify(settings));
    applySettings(settings);
  };
  const theme = h('select', { 'aria-label': 'Theme' }, ...THEMES.map((t) => h('option', { value: t, selected: t === settings.theme }, t === 'system' ? 'Follow the system' : t[0]?.toUpperCase() + t.slice(1))));
  theme.addEventListener('change', () => update({ theme: theme.value as Theme }));
  const font = h('select', { 'aria-label': 'Font' }, h('option', { value: 'serif', selected: settings.font === 'serif' }, 'Serif'), h('option', { value: 'sans', selected: settings.font === 'sans' }, 'Sans-serif'));
  font.addEventListener('change', () => update({ font: font.value === 'sans' ? 'sans' : 'serif' }));
  const range = (name: keyof typeof LIMITS, step: number, label: string) => {
    const [min, max] = LIMITS[name];
    const input = h('input', { type: 'range', min: String(min), max: String(max), step: String(step), value: String(settings[name]), 'aria-label': label });
    input.addEventListener('input', () => update({ [name]: Number(input.value) }));
    return labelled(label, input);
  };
  const panel = h(
    'div',
    { class: 'settings-panel', id: 'reading-settings', role: 'group', 'aria-label': 'Reading settings', hidden: true },
    labelled('Theme', theme),
    labelled('Font', font),
    range('size', 1, 'Text size'),
    range('width', 1, 'Line width'),
    range('lineHeight', 0.05, 'Line height'),
  );
  const button = h('button', { type: 'button', class: 'settings-button', 'aria-label': 'Reading settings', 'aria-expanded': 'false', 'aria-controls': 'reading-settings' }, 'Aa');
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
  });
  // Escape closes the panel and gives the focus back to its button, not to the page.
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applySettings(settings));
  return { button, panel };
}

export const SPELLCHECK_NOTE = "Spell checking on Linux downloads a dictionary from Google's servers the first time it is used; a change applies when Margin next starts.";

/**
 * The spell checking choice, shown only where it costs a download (Linux). `save` stores the
 * choice and answers whether it was stored; a refused change puts the box back.
 */
export function spellcheckOption(on: boolean, save: (on: boolean) => Promise<boolean>): HTMLElement {
  const box = h('input', { type: 'checkbox', checked: on, 'aria-describedby': 'spellcheck-note' });
  box.addEventListener('change', () => {
    const wanted = box.checked;
    void save(wanted).then((stored) => {
      if (!stored) box.checked = !wanted;
    });
  });
  return h(
    'div',
    { class: 'setting-check' },
    h('label', {}, box, ' Check spelling as you type'),
    h('p', { class: 'setting-note', id: 'spellcheck-note' }, SPELLCHECK_NOTE),
  );
}
