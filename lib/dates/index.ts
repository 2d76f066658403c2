export * from './calendar-date';
export * from './time-zone';
export * from './chinese-date';
export * from './format';
export * from './reader-date';
