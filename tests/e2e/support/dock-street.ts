// A short news article whose second sentence the tests change in a new revision, to bring a
// highlight to "Needs review".
export const DOCK_STREET = [
  'Fire on Dock Street',
  '',
  'A fire broke out in a warehouse on Dock Street late on Friday, forcing the evacuation of two apartment blocks nearby.',
  '',
  'Firefighters kept the flames away from the timber yard next door until the early hours.',
  '',
].join('\n');
