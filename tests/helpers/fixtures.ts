import type { Strapi } from '@strapi/types';

/**
 * The two bots most tests start from: a robot that keeps calls but not flows, and an IVR flow
 * that keeps flows but not calls, so every switch is seen both ways.
 */
export const createStandardBots = async (strapi: Strapi) => {
  await strapi.db!.query('plugin::call-history.chatbot').create({
    data: {
      name: 'Billing robot',
      accessCode: '10086',
      historicalCallRecord: true,
      flowCallRecording: false,
    },
  });
  await strapi.db!.query('plugin::call-history.ivr-flow').create({
    data: {
      name: 'Main IVR',
      accessCode: '95555',
      historicalCallRecord: false,
      flowCallRecording: true,
    },
  });
};
