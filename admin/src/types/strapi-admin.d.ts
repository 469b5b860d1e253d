// The design system 1.x and helper-plugin ship no declarations usable under strict mode.
declare module '@strapi/design-system';
declare module '@strapi/icons';
declare module '@strapi/helper-plugin';
