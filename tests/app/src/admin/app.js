// The host admin offers Simplified Chinese besides English, so the plugin's zh-Hans
// translations can be seen (profile › Interface language).
export default {
  config: {
    locales: ['zh-Hans'],
  },
  bootstrap() {},
};
