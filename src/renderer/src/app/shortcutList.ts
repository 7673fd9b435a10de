import { MOD_LABEL } from './keys.ts';

/** The one list of shortcuts: the sheet shows exactly what the handlers implement. */
export const SHORTCUT_GROUPS: { title: string; items: { keys: string[][]; label: string }[] }[] = [
  {
    title: 'Anywhere',
    items: [
      { keys: [['N'], [MOD_LABEL, 'N']], label: 'Capture someone you met' },
      { keys: [['/']], label: 'Search contacts' },
      { keys: [['G', 'T']], label: 'Go to Today' },
      { keys: [['G', 'A']], label: 'Go to Calendar' },
      { keys: [['G', 'C']], label: 'Go to Contacts' },
      { keys: [['G', 'E']], label: 'Go to Events' },
      { keys: [['G', 'R']], label: 'Go to Insights (your report)' },
      { keys: [['G', 'I']], label: 'Go to Import' },
      { keys: [['G', 'D']], label: 'Go to Duplicates' },
      { keys: [['G', 'S']], label: 'Go to Settings' },
      { keys: [['?']], label: 'Show keyboard shortcuts' },
      { keys: [['Esc']], label: 'Close a dialog, cancel an edit' },
    ],
  },
  {
    title: 'Today',
    items: [
      { keys: [['J'], ['↓']], label: 'Next item' },
      { keys: [['K'], ['↑']], label: 'Previous item' },
      { keys: [['W']], label: 'Write the follow-up (the composer)' },
      { keys: [['D']], label: 'Done (add what you sent, Enter)' },
      { keys: [['S']], label: 'Snooze: 1 hour, tomorrow, next week' },
      { keys: [['X']], label: 'Skip this step' },
      { keys: [['P']], label: 'Plan a follow-up for today' },
      { keys: [['Z'], [MOD_LABEL, 'Z']], label: 'Undo the last Done, Skip, Snooze or move (calendar too)' },
      { keys: [['Enter'], ['O']], label: 'Open the contact' },
    ],
  },
  {
    title: 'Contacts list',
    items: [
      { keys: [['↑'], ['↓']], label: 'Move through the list' },
      { keys: [['Enter']], label: 'Open the selected contact' },
    ],
  },
  {
    title: 'Contact page',
    items: [
      { keys: [['L']], label: 'Log an interaction' },
      { keys: [['W']], label: 'Write to them (the composer)' },
      { keys: [['Enter']], label: 'Edit the focused field; save it' },
      { keys: [[MOD_LABEL, 'Enter']], label: 'Save a multi-line field or form' },
    ],
  },
  {
    title: 'Composer',
    items: [
      { keys: [[MOD_LABEL, 'Enter']], label: 'Mark sent' },
      { keys: [['Esc']], label: 'Close (your text is kept as a draft)' },
    ],
  },
  {
    title: 'Event capture',
    items: [
      { keys: [['Enter']], label: 'Next person (adds a row)' },
      { keys: [[MOD_LABEL, 'Enter']], label: 'Save everyone' },
    ],
  },
];
