import type { AttributeSpecs } from '../../../../server/src/domain/call-input/attribute-values';
import {
  checkExtensions,
  extensionAttributes,
  writableExtensions,
} from '../../../../server/src/domain/call-input/extension-attributes';
import { CUSTOM_FIELD_UID } from '../../../../server/src/domain/custom-field-values';

describe('extensionAttributes', () => {
  it('keeps only what the plugin and Strapi do not own', () => {
    const model = {
      callId: { type: 'string' },
      flowTrace: { type: 'json' },
      createdAt: { type: 'datetime' },
      updatedBy: { type: 'relation' },
      queueName: { type: 'string' },
    };
    expect(extensionAttributes(model, ['callId', 'flowTrace'])).toEqual({
      queueName: { type: 'string' },
    });
  });
});

describe('writableExtensions', () => {
  it('leaves relations, components, dynamic zones and media to Strapi', () => {
    const extensions = {
      csat: { type: 'integer' },
      owner: { type: 'relation' },
      address: { type: 'component' },
      blocks: { type: 'dynamiczone' },
      picture: { type: 'media' },
    };
    expect(writableExtensions(extensions)).toEqual({ csat: { type: 'integer' } });
  });
});

describe('checkExtensions', () => {
  const extensions: AttributeSpecs = {
    answeredAt: { type: 'datetime' },
    agentPhone: { type: 'string', customField: CUSTOM_FIELD_UID.phoneNumber },
    csat: { type: 'integer', max: 5 },
  };

  it('checks only the keys given, storing each value normalised into the call', () => {
    const call: Record<string, unknown> = {
      answeredAt: '2026-03-01T08:30:05+0800',
      agentPhone: '+86 138 0013 8000',
      csat: 9,
    };
    expect(checkExtensions(call, extensions, ['answeredAt', 'agentPhone'])).toBeNull();
    expect(call).toEqual({
      answeredAt: '2026-03-01T08:30:05+08:00',
      agentPhone: '+8613800138000',
      csat: 9,
    });
    expect(checkExtensions(call, extensions, ['csat'])?.path).toBe('csat');
  });

  it('names the attribute when a plugin custom field refuses its value', () => {
    const found = checkExtensions({ agentPhone: 'call me' }, extensions, ['agentPhone']);
    expect(found?.path).toBe('agentPhone');
    expect(found?.message).toMatch(/^agentPhone /);
  });
});
