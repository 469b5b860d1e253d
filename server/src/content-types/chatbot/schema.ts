import { botAttributes } from '../bot-attributes';

export default {
  kind: 'collectionType',
  collectionName: 'call_history_chatbots',
  info: {
    singularName: 'chatbot',
    pluralName: 'chatbots',
    displayName: 'Intelligent robot',
    description: 'A chatbot: its access code and its two recording switches.',
  },
  options: { draftAndPublish: false },
  // Shown in the Content Manager only with the plugin config showInContentManager (register.ts).
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: botAttributes(),
};
