import type { Strapi } from '@strapi/types';

import { UID } from '../constants';
import callRecordSchema from '../content-types/call-record/schema';
import type { AttributeSpec, AttributeSpecs } from '../domain/call-input/attribute-values';
import { extensionAttributes } from '../domain/call-input/extension-attributes';

const PLUGIN_ATTRIBUTES = Object.keys(callRecordSchema.attributes);

/**
 * The attributes a developer added to call-record, read from the model Strapi runs (an
 * extension adds them in the host's register), for the field validator of every write path.
 */
export const callRecordExtensions = (strapi: Strapi): AttributeSpecs =>
  extensionAttributes(
    strapi.getModel(UID.callRecord).attributes as unknown as Record<string, AttributeSpec>,
    PLUGIN_ATTRIBUTES
  );
