export * from './domain.js';
export * from './devices.js';
export * from './address.js';
