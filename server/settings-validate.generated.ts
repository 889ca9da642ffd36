/* eslint-disable */
// @ts-nocheck
// Generated from config/simpul.schema.json by test/support/settings-validator.ts: do not edit.
'use strict';
export const validate = validate10;
export default validate10;
const schema11 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://simpul.tangerangkota.go.id/schema/simpul.schema.json',
  title: 'Simpul site settings (config/simpul.yaml)',
  description:
    "Every key is optional: a file sets what differs from Simpul's defaults (Kota Tangerang's). Unknown keys are refused.",
  type: 'object',
  additionalProperties: false,
  definitions: {
    text: { type: 'string', minLength: 1 },
    localized: {
      type: 'object',
      additionalProperties: false,
      properties: { id: { $ref: '#/definitions/text' }, en: { $ref: '#/definitions/text' } },
    },
    count: { type: 'integer', minimum: 1 },
  },
  properties: {
    service: {
      type: 'object',
      additionalProperties: false,
      properties: {
        title: { $ref: '#/definitions/localized' },
        abstract: { $ref: '#/definitions/localized' },
        keywords: { type: 'array', items: { $ref: '#/definitions/text' } },
        fees: { $ref: '#/definitions/text' },
        accessConstraints: { $ref: '#/definitions/text' },
        licence: {
          type: 'object',
          additionalProperties: false,
          properties: { name: { $ref: '#/definitions/text' }, url: { type: 'string', pattern: '^https?://' } },
        },
      },
    },
    provider: {
      type: 'object',
      additionalProperties: false,
      properties: {
        organisation: { $ref: '#/definitions/text' },
        organisationCode: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
        person: { type: 'string' },
        position: { type: 'string' },
        address: {
          type: 'object',
          additionalProperties: false,
          properties: {
            street: { type: 'string' },
            city: { type: 'string' },
            province: { type: 'string' },
            postalCode: { type: 'string' },
            country: { type: 'string' },
          },
        },
        phone: { type: 'string' },
        email: { type: 'string', pattern: '^$|^[^@\\s]+@[^@\\s]+$' },
        web: { type: 'string', pattern: '^$|^https?://' },
      },
    },
    place: {
      type: 'object',
      additionalProperties: false,
      properties: { name: { $ref: '#/definitions/text' }, code: { type: 'string' } },
    },
    extent: {
      type: 'array',
      minItems: 4,
      maxItems: 4,
      items: [
        { type: 'number', minimum: -180, maximum: 180 },
        { type: 'number', minimum: -90, maximum: 90 },
        { type: 'number', minimum: -180, maximum: 180 },
        { type: 'number', minimum: -90, maximum: 90 },
      ],
    },
    languages: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ['id', 'en'] } },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxImagePixels: { $ref: '#/definitions/count' },
        maxFeatures: { $ref: '#/definitions/count' },
        defaultFeatures: { $ref: '#/definitions/count' },
        maxUploadMB: { $ref: '#/definitions/count' },
        sessionIdleMinutes: { type: 'integer', minimum: 1, maximum: 10080 },
        sessionMaxHours: { type: 'integer', minimum: 1, maximum: 720 },
        caches: {
          type: 'object',
          additionalProperties: false,
          properties: {
            wmsCapabilities: { $ref: '#/definitions/count' },
            wfsCapabilities: { $ref: '#/definitions/count' },
            wmtsCapabilities: { $ref: '#/definitions/count' },
            cswCapabilities: { $ref: '#/definitions/count' },
            ogcapiCollections: { $ref: '#/definitions/count' },
            records: { $ref: '#/definitions/count' },
            tilesMB: { $ref: '#/definitions/count' },
            styles: { $ref: '#/definitions/count' },
            storedStyles: { $ref: '#/definitions/count' },
            imagesMB: { $ref: '#/definitions/count' },
            spritesMB: { $ref: '#/definitions/count' },
            signedIn: { $ref: '#/definitions/count' },
            signInFailures: { $ref: '#/definitions/count' },
          },
        },
      },
    },
  },
};
const schema13 = { type: 'string', minLength: 1 };
const schema21 = { type: 'integer', minimum: 1 };
const schema12 = {
  type: 'object',
  additionalProperties: false,
  properties: { id: { $ref: '#/definitions/text' }, en: { $ref: '#/definitions/text' } },
};

function validate11(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      const _errs1 = errors;
      for (const key0 in data) {
        if (!(key0 === 'id' || key0 === 'en')) {
          validate11.errors = [
            {
              instancePath,
              schemaPath: '#/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema12,
              data,
            },
          ];
          return false;
          break;
        }
      }
      if (_errs1 === errors) {
        if (data.id !== undefined) {
          let data0 = data.id;
          const _errs2 = errors;
          const _errs3 = errors;
          if (errors === _errs3) {
            if (typeof data0 === 'string') {
              if (data0.length < 1) {
                validate11.errors = [
                  {
                    instancePath: instancePath + '/id',
                    schemaPath: '#/definitions/text/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema13,
                    data: data0,
                  },
                ];
                return false;
              }
            } else {
              validate11.errors = [
                {
                  instancePath: instancePath + '/id',
                  schemaPath: '#/definitions/text/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema13.type,
                  parentSchema: schema13,
                  data: data0,
                },
              ];
              return false;
            }
          }
          var valid0 = _errs2 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.en !== undefined) {
            let data1 = data.en;
            const _errs5 = errors;
            const _errs6 = errors;
            if (errors === _errs6) {
              if (typeof data1 === 'string') {
                if (data1.length < 1) {
                  validate11.errors = [
                    {
                      instancePath: instancePath + '/en',
                      schemaPath: '#/definitions/text/minLength',
                      keyword: 'minLength',
                      params: { limit: 1 },
                      message: 'must NOT have fewer than 1 characters',
                      schema: 1,
                      parentSchema: schema13,
                      data: data1,
                    },
                  ];
                  return false;
                }
              } else {
                validate11.errors = [
                  {
                    instancePath: instancePath + '/en',
                    schemaPath: '#/definitions/text/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                    schema: schema13.type,
                    parentSchema: schema13,
                    data: data1,
                  },
                ];
                return false;
              }
            }
            var valid0 = _errs5 === errors;
          } else {
            var valid0 = true;
          }
        }
      }
    } else {
      validate11.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema12.type,
          parentSchema: schema12,
          data,
        },
      ];
      return false;
    }
  }
  validate11.errors = vErrors;
  return errors === 0;
}

const pattern0 = new RegExp('^https?://', 'u');
const pattern1 = new RegExp('^[a-z][a-z0-9_]*$', 'u');
const pattern2 = new RegExp('^$|^[^@\\s]+@[^@\\s]+$', 'u');
const pattern3 = new RegExp('^$|^https?://', 'u');
const func2 = Object.prototype.hasOwnProperty;

function validate10(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="https://simpul.tangerangkota.go.id/schema/simpul.schema.json" */ let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      const _errs1 = errors;
      for (const key0 in data) {
        if (!(
          key0 === 'service' ||
          key0 === 'provider' ||
          key0 === 'place' ||
          key0 === 'extent' ||
          key0 === 'languages' ||
          key0 === 'limits'
        )) {
          validate10.errors = [
            {
              instancePath,
              schemaPath: '#/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema11,
              data,
            },
          ];
          return false;
          break;
        }
      }
      if (_errs1 === errors) {
        if (data.service !== undefined) {
          let data0 = data.service;
          const _errs2 = errors;
          if (errors === _errs2) {
            if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
              const _errs4 = errors;
              for (const key1 in data0) {
                if (!(
                  key1 === 'title' ||
                  key1 === 'abstract' ||
                  key1 === 'keywords' ||
                  key1 === 'fees' ||
                  key1 === 'accessConstraints' ||
                  key1 === 'licence'
                )) {
                  validate10.errors = [
                    {
                      instancePath: instancePath + '/service',
                      schemaPath: '#/properties/service/additionalProperties',
                      keyword: 'additionalProperties',
                      params: { additionalProperty: key1 },
                      message: 'must NOT have additional properties',
                      schema: false,
                      parentSchema: schema11.properties.service,
                      data: data0,
                    },
                  ];
                  return false;
                  break;
                }
              }
              if (_errs4 === errors) {
                if (data0.title !== undefined) {
                  const _errs5 = errors;
                  if (
                    !validate11(data0.title, {
                      instancePath: instancePath + '/service/title',
                      parentData: data0,
                      parentDataProperty: 'title',
                      rootData,
                    })
                  ) {
                    vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                    errors = vErrors.length;
                  }
                  var valid1 = _errs5 === errors;
                } else {
                  var valid1 = true;
                }
                if (valid1) {
                  if (data0.abstract !== undefined) {
                    const _errs6 = errors;
                    if (
                      !validate11(data0.abstract, {
                        instancePath: instancePath + '/service/abstract',
                        parentData: data0,
                        parentDataProperty: 'abstract',
                        rootData,
                      })
                    ) {
                      vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                      errors = vErrors.length;
                    }
                    var valid1 = _errs6 === errors;
                  } else {
                    var valid1 = true;
                  }
                  if (valid1) {
                    if (data0.keywords !== undefined) {
                      let data3 = data0.keywords;
                      const _errs7 = errors;
                      if (errors === _errs7) {
                        if (Array.isArray(data3)) {
                          var valid2 = true;
                          const len0 = data3.length;
                          for (let i0 = 0; i0 < len0; i0++) {
                            let data4 = data3[i0];
                            const _errs9 = errors;
                            const _errs10 = errors;
                            if (errors === _errs10) {
                              if (typeof data4 === 'string') {
                                if (data4.length < 1) {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/service/keywords/' + i0,
                                      schemaPath: '#/definitions/text/minLength',
                                      keyword: 'minLength',
                                      params: { limit: 1 },
                                      message: 'must NOT have fewer than 1 characters',
                                      schema: 1,
                                      parentSchema: schema13,
                                      data: data4,
                                    },
                                  ];
                                  return false;
                                }
                              } else {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/service/keywords/' + i0,
                                    schemaPath: '#/definitions/text/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                    schema: schema13.type,
                                    parentSchema: schema13,
                                    data: data4,
                                  },
                                ];
                                return false;
                              }
                            }
                            var valid2 = _errs9 === errors;
                            if (!valid2) {
                              break;
                            }
                          }
                        } else {
                          validate10.errors = [
                            {
                              instancePath: instancePath + '/service/keywords',
                              schemaPath: '#/properties/service/properties/keywords/type',
                              keyword: 'type',
                              params: { type: 'array' },
                              message: 'must be array',
                              schema: schema11.properties.service.properties.keywords.type,
                              parentSchema: schema11.properties.service.properties.keywords,
                              data: data3,
                            },
                          ];
                          return false;
                        }
                      }
                      var valid1 = _errs7 === errors;
                    } else {
                      var valid1 = true;
                    }
                    if (valid1) {
                      if (data0.fees !== undefined) {
                        let data5 = data0.fees;
                        const _errs12 = errors;
                        const _errs13 = errors;
                        if (errors === _errs13) {
                          if (typeof data5 === 'string') {
                            if (data5.length < 1) {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/service/fees',
                                  schemaPath: '#/definitions/text/minLength',
                                  keyword: 'minLength',
                                  params: { limit: 1 },
                                  message: 'must NOT have fewer than 1 characters',
                                  schema: 1,
                                  parentSchema: schema13,
                                  data: data5,
                                },
                              ];
                              return false;
                            }
                          } else {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/service/fees',
                                schemaPath: '#/definitions/text/type',
                                keyword: 'type',
                                params: { type: 'string' },
                                message: 'must be string',
                                schema: schema13.type,
                                parentSchema: schema13,
                                data: data5,
                              },
                            ];
                            return false;
                          }
                        }
                        var valid1 = _errs12 === errors;
                      } else {
                        var valid1 = true;
                      }
                      if (valid1) {
                        if (data0.accessConstraints !== undefined) {
                          let data6 = data0.accessConstraints;
                          const _errs15 = errors;
                          const _errs16 = errors;
                          if (errors === _errs16) {
                            if (typeof data6 === 'string') {
                              if (data6.length < 1) {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/service/accessConstraints',
                                    schemaPath: '#/definitions/text/minLength',
                                    keyword: 'minLength',
                                    params: { limit: 1 },
                                    message: 'must NOT have fewer than 1 characters',
                                    schema: 1,
                                    parentSchema: schema13,
                                    data: data6,
                                  },
                                ];
                                return false;
                              }
                            } else {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/service/accessConstraints',
                                  schemaPath: '#/definitions/text/type',
                                  keyword: 'type',
                                  params: { type: 'string' },
                                  message: 'must be string',
                                  schema: schema13.type,
                                  parentSchema: schema13,
                                  data: data6,
                                },
                              ];
                              return false;
                            }
                          }
                          var valid1 = _errs15 === errors;
                        } else {
                          var valid1 = true;
                        }
                        if (valid1) {
                          if (data0.licence !== undefined) {
                            let data7 = data0.licence;
                            const _errs18 = errors;
                            if (errors === _errs18) {
                              if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
                                const _errs20 = errors;
                                for (const key2 in data7) {
                                  if (!(key2 === 'name' || key2 === 'url')) {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/service/licence',
                                        schemaPath: '#/properties/service/properties/licence/additionalProperties',
                                        keyword: 'additionalProperties',
                                        params: { additionalProperty: key2 },
                                        message: 'must NOT have additional properties',
                                        schema: false,
                                        parentSchema: schema11.properties.service.properties.licence,
                                        data: data7,
                                      },
                                    ];
                                    return false;
                                    break;
                                  }
                                }
                                if (_errs20 === errors) {
                                  if (data7.name !== undefined) {
                                    let data8 = data7.name;
                                    const _errs21 = errors;
                                    const _errs22 = errors;
                                    if (errors === _errs22) {
                                      if (typeof data8 === 'string') {
                                        if (data8.length < 1) {
                                          validate10.errors = [
                                            {
                                              instancePath: instancePath + '/service/licence/name',
                                              schemaPath: '#/definitions/text/minLength',
                                              keyword: 'minLength',
                                              params: { limit: 1 },
                                              message: 'must NOT have fewer than 1 characters',
                                              schema: 1,
                                              parentSchema: schema13,
                                              data: data8,
                                            },
                                          ];
                                          return false;
                                        }
                                      } else {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/service/licence/name',
                                            schemaPath: '#/definitions/text/type',
                                            keyword: 'type',
                                            params: { type: 'string' },
                                            message: 'must be string',
                                            schema: schema13.type,
                                            parentSchema: schema13,
                                            data: data8,
                                          },
                                        ];
                                        return false;
                                      }
                                    }
                                    var valid6 = _errs21 === errors;
                                  } else {
                                    var valid6 = true;
                                  }
                                  if (valid6) {
                                    if (data7.url !== undefined) {
                                      let data9 = data7.url;
                                      const _errs24 = errors;
                                      if (errors === _errs24) {
                                        if (typeof data9 === 'string') {
                                          if (!pattern0.test(data9)) {
                                            validate10.errors = [
                                              {
                                                instancePath: instancePath + '/service/licence/url',
                                                schemaPath:
                                                  '#/properties/service/properties/licence/properties/url/pattern',
                                                keyword: 'pattern',
                                                params: { pattern: '^https?://' },
                                                message: 'must match pattern "' + '^https?://' + '"',
                                                schema: '^https?://',
                                                parentSchema:
                                                  schema11.properties.service.properties.licence.properties.url,
                                                data: data9,
                                              },
                                            ];
                                            return false;
                                          }
                                        } else {
                                          validate10.errors = [
                                            {
                                              instancePath: instancePath + '/service/licence/url',
                                              schemaPath: '#/properties/service/properties/licence/properties/url/type',
                                              keyword: 'type',
                                              params: { type: 'string' },
                                              message: 'must be string',
                                              schema:
                                                schema11.properties.service.properties.licence.properties.url.type,
                                              parentSchema:
                                                schema11.properties.service.properties.licence.properties.url,
                                              data: data9,
                                            },
                                          ];
                                          return false;
                                        }
                                      }
                                      var valid6 = _errs24 === errors;
                                    } else {
                                      var valid6 = true;
                                    }
                                  }
                                }
                              } else {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/service/licence',
                                    schemaPath: '#/properties/service/properties/licence/type',
                                    keyword: 'type',
                                    params: { type: 'object' },
                                    message: 'must be object',
                                    schema: schema11.properties.service.properties.licence.type,
                                    parentSchema: schema11.properties.service.properties.licence,
                                    data: data7,
                                  },
                                ];
                                return false;
                              }
                            }
                            var valid1 = _errs18 === errors;
                          } else {
                            var valid1 = true;
                          }
                        }
                      }
                    }
                  }
                }
              }
            } else {
              validate10.errors = [
                {
                  instancePath: instancePath + '/service',
                  schemaPath: '#/properties/service/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                  schema: schema11.properties.service.type,
                  parentSchema: schema11.properties.service,
                  data: data0,
                },
              ];
              return false;
            }
          }
          var valid0 = _errs2 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.provider !== undefined) {
            let data10 = data.provider;
            const _errs26 = errors;
            if (errors === _errs26) {
              if (data10 && typeof data10 == 'object' && !Array.isArray(data10)) {
                const _errs28 = errors;
                for (const key3 in data10) {
                  if (!(
                    key3 === 'organisation' ||
                    key3 === 'organisationCode' ||
                    key3 === 'person' ||
                    key3 === 'position' ||
                    key3 === 'address' ||
                    key3 === 'phone' ||
                    key3 === 'email' ||
                    key3 === 'web'
                  )) {
                    validate10.errors = [
                      {
                        instancePath: instancePath + '/provider',
                        schemaPath: '#/properties/provider/additionalProperties',
                        keyword: 'additionalProperties',
                        params: { additionalProperty: key3 },
                        message: 'must NOT have additional properties',
                        schema: false,
                        parentSchema: schema11.properties.provider,
                        data: data10,
                      },
                    ];
                    return false;
                    break;
                  }
                }
                if (_errs28 === errors) {
                  if (data10.organisation !== undefined) {
                    let data11 = data10.organisation;
                    const _errs29 = errors;
                    const _errs30 = errors;
                    if (errors === _errs30) {
                      if (typeof data11 === 'string') {
                        if (data11.length < 1) {
                          validate10.errors = [
                            {
                              instancePath: instancePath + '/provider/organisation',
                              schemaPath: '#/definitions/text/minLength',
                              keyword: 'minLength',
                              params: { limit: 1 },
                              message: 'must NOT have fewer than 1 characters',
                              schema: 1,
                              parentSchema: schema13,
                              data: data11,
                            },
                          ];
                          return false;
                        }
                      } else {
                        validate10.errors = [
                          {
                            instancePath: instancePath + '/provider/organisation',
                            schemaPath: '#/definitions/text/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                            schema: schema13.type,
                            parentSchema: schema13,
                            data: data11,
                          },
                        ];
                        return false;
                      }
                    }
                    var valid8 = _errs29 === errors;
                  } else {
                    var valid8 = true;
                  }
                  if (valid8) {
                    if (data10.organisationCode !== undefined) {
                      let data12 = data10.organisationCode;
                      const _errs32 = errors;
                      if (errors === _errs32) {
                        if (typeof data12 === 'string') {
                          if (!pattern1.test(data12)) {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/provider/organisationCode',
                                schemaPath: '#/properties/provider/properties/organisationCode/pattern',
                                keyword: 'pattern',
                                params: { pattern: '^[a-z][a-z0-9_]*$' },
                                message: 'must match pattern "' + '^[a-z][a-z0-9_]*$' + '"',
                                schema: '^[a-z][a-z0-9_]*$',
                                parentSchema: schema11.properties.provider.properties.organisationCode,
                                data: data12,
                              },
                            ];
                            return false;
                          }
                        } else {
                          validate10.errors = [
                            {
                              instancePath: instancePath + '/provider/organisationCode',
                              schemaPath: '#/properties/provider/properties/organisationCode/type',
                              keyword: 'type',
                              params: { type: 'string' },
                              message: 'must be string',
                              schema: schema11.properties.provider.properties.organisationCode.type,
                              parentSchema: schema11.properties.provider.properties.organisationCode,
                              data: data12,
                            },
                          ];
                          return false;
                        }
                      }
                      var valid8 = _errs32 === errors;
                    } else {
                      var valid8 = true;
                    }
                    if (valid8) {
                      if (data10.person !== undefined) {
                        let data13 = data10.person;
                        const _errs34 = errors;
                        if (typeof data13 !== 'string') {
                          validate10.errors = [
                            {
                              instancePath: instancePath + '/provider/person',
                              schemaPath: '#/properties/provider/properties/person/type',
                              keyword: 'type',
                              params: { type: 'string' },
                              message: 'must be string',
                              schema: schema11.properties.provider.properties.person.type,
                              parentSchema: schema11.properties.provider.properties.person,
                              data: data13,
                            },
                          ];
                          return false;
                        }
                        var valid8 = _errs34 === errors;
                      } else {
                        var valid8 = true;
                      }
                      if (valid8) {
                        if (data10.position !== undefined) {
                          let data14 = data10.position;
                          const _errs36 = errors;
                          if (typeof data14 !== 'string') {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/provider/position',
                                schemaPath: '#/properties/provider/properties/position/type',
                                keyword: 'type',
                                params: { type: 'string' },
                                message: 'must be string',
                                schema: schema11.properties.provider.properties.position.type,
                                parentSchema: schema11.properties.provider.properties.position,
                                data: data14,
                              },
                            ];
                            return false;
                          }
                          var valid8 = _errs36 === errors;
                        } else {
                          var valid8 = true;
                        }
                        if (valid8) {
                          if (data10.address !== undefined) {
                            let data15 = data10.address;
                            const _errs38 = errors;
                            if (errors === _errs38) {
                              if (data15 && typeof data15 == 'object' && !Array.isArray(data15)) {
                                const _errs40 = errors;
                                for (const key4 in data15) {
                                  if (!(
                                    key4 === 'street' ||
                                    key4 === 'city' ||
                                    key4 === 'province' ||
                                    key4 === 'postalCode' ||
                                    key4 === 'country'
                                  )) {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/provider/address',
                                        schemaPath: '#/properties/provider/properties/address/additionalProperties',
                                        keyword: 'additionalProperties',
                                        params: { additionalProperty: key4 },
                                        message: 'must NOT have additional properties',
                                        schema: false,
                                        parentSchema: schema11.properties.provider.properties.address,
                                        data: data15,
                                      },
                                    ];
                                    return false;
                                    break;
                                  }
                                }
                                if (_errs40 === errors) {
                                  if (data15.street !== undefined) {
                                    let data16 = data15.street;
                                    const _errs41 = errors;
                                    if (typeof data16 !== 'string') {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/provider/address/street',
                                          schemaPath: '#/properties/provider/properties/address/properties/street/type',
                                          keyword: 'type',
                                          params: { type: 'string' },
                                          message: 'must be string',
                                          schema:
                                            schema11.properties.provider.properties.address.properties.street.type,
                                          parentSchema:
                                            schema11.properties.provider.properties.address.properties.street,
                                          data: data16,
                                        },
                                      ];
                                      return false;
                                    }
                                    var valid10 = _errs41 === errors;
                                  } else {
                                    var valid10 = true;
                                  }
                                  if (valid10) {
                                    if (data15.city !== undefined) {
                                      let data17 = data15.city;
                                      const _errs43 = errors;
                                      if (typeof data17 !== 'string') {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/provider/address/city',
                                            schemaPath: '#/properties/provider/properties/address/properties/city/type',
                                            keyword: 'type',
                                            params: { type: 'string' },
                                            message: 'must be string',
                                            schema:
                                              schema11.properties.provider.properties.address.properties.city.type,
                                            parentSchema:
                                              schema11.properties.provider.properties.address.properties.city,
                                            data: data17,
                                          },
                                        ];
                                        return false;
                                      }
                                      var valid10 = _errs43 === errors;
                                    } else {
                                      var valid10 = true;
                                    }
                                    if (valid10) {
                                      if (data15.province !== undefined) {
                                        let data18 = data15.province;
                                        const _errs45 = errors;
                                        if (typeof data18 !== 'string') {
                                          validate10.errors = [
                                            {
                                              instancePath: instancePath + '/provider/address/province',
                                              schemaPath:
                                                '#/properties/provider/properties/address/properties/province/type',
                                              keyword: 'type',
                                              params: { type: 'string' },
                                              message: 'must be string',
                                              schema:
                                                schema11.properties.provider.properties.address.properties.province
                                                  .type,
                                              parentSchema:
                                                schema11.properties.provider.properties.address.properties.province,
                                              data: data18,
                                            },
                                          ];
                                          return false;
                                        }
                                        var valid10 = _errs45 === errors;
                                      } else {
                                        var valid10 = true;
                                      }
                                      if (valid10) {
                                        if (data15.postalCode !== undefined) {
                                          let data19 = data15.postalCode;
                                          const _errs47 = errors;
                                          if (typeof data19 !== 'string') {
                                            validate10.errors = [
                                              {
                                                instancePath: instancePath + '/provider/address/postalCode',
                                                schemaPath:
                                                  '#/properties/provider/properties/address/properties/postalCode/type',
                                                keyword: 'type',
                                                params: { type: 'string' },
                                                message: 'must be string',
                                                schema:
                                                  schema11.properties.provider.properties.address.properties.postalCode
                                                    .type,
                                                parentSchema:
                                                  schema11.properties.provider.properties.address.properties.postalCode,
                                                data: data19,
                                              },
                                            ];
                                            return false;
                                          }
                                          var valid10 = _errs47 === errors;
                                        } else {
                                          var valid10 = true;
                                        }
                                        if (valid10) {
                                          if (data15.country !== undefined) {
                                            let data20 = data15.country;
                                            const _errs49 = errors;
                                            if (typeof data20 !== 'string') {
                                              validate10.errors = [
                                                {
                                                  instancePath: instancePath + '/provider/address/country',
                                                  schemaPath:
                                                    '#/properties/provider/properties/address/properties/country/type',
                                                  keyword: 'type',
                                                  params: { type: 'string' },
                                                  message: 'must be string',
                                                  schema:
                                                    schema11.properties.provider.properties.address.properties.country
                                                      .type,
                                                  parentSchema:
                                                    schema11.properties.provider.properties.address.properties.country,
                                                  data: data20,
                                                },
                                              ];
                                              return false;
                                            }
                                            var valid10 = _errs49 === errors;
                                          } else {
                                            var valid10 = true;
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              } else {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/provider/address',
                                    schemaPath: '#/properties/provider/properties/address/type',
                                    keyword: 'type',
                                    params: { type: 'object' },
                                    message: 'must be object',
                                    schema: schema11.properties.provider.properties.address.type,
                                    parentSchema: schema11.properties.provider.properties.address,
                                    data: data15,
                                  },
                                ];
                                return false;
                              }
                            }
                            var valid8 = _errs38 === errors;
                          } else {
                            var valid8 = true;
                          }
                          if (valid8) {
                            if (data10.phone !== undefined) {
                              let data21 = data10.phone;
                              const _errs51 = errors;
                              if (typeof data21 !== 'string') {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/provider/phone',
                                    schemaPath: '#/properties/provider/properties/phone/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                    schema: schema11.properties.provider.properties.phone.type,
                                    parentSchema: schema11.properties.provider.properties.phone,
                                    data: data21,
                                  },
                                ];
                                return false;
                              }
                              var valid8 = _errs51 === errors;
                            } else {
                              var valid8 = true;
                            }
                            if (valid8) {
                              if (data10.email !== undefined) {
                                let data22 = data10.email;
                                const _errs53 = errors;
                                if (errors === _errs53) {
                                  if (typeof data22 === 'string') {
                                    if (!pattern2.test(data22)) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/provider/email',
                                          schemaPath: '#/properties/provider/properties/email/pattern',
                                          keyword: 'pattern',
                                          params: { pattern: '^$|^[^@\\s]+@[^@\\s]+$' },
                                          message: 'must match pattern "' + '^$|^[^@\\s]+@[^@\\s]+$' + '"',
                                          schema: '^$|^[^@\\s]+@[^@\\s]+$',
                                          parentSchema: schema11.properties.provider.properties.email,
                                          data: data22,
                                        },
                                      ];
                                      return false;
                                    }
                                  } else {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/provider/email',
                                        schemaPath: '#/properties/provider/properties/email/type',
                                        keyword: 'type',
                                        params: { type: 'string' },
                                        message: 'must be string',
                                        schema: schema11.properties.provider.properties.email.type,
                                        parentSchema: schema11.properties.provider.properties.email,
                                        data: data22,
                                      },
                                    ];
                                    return false;
                                  }
                                }
                                var valid8 = _errs53 === errors;
                              } else {
                                var valid8 = true;
                              }
                              if (valid8) {
                                if (data10.web !== undefined) {
                                  let data23 = data10.web;
                                  const _errs55 = errors;
                                  if (errors === _errs55) {
                                    if (typeof data23 === 'string') {
                                      if (!pattern3.test(data23)) {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/provider/web',
                                            schemaPath: '#/properties/provider/properties/web/pattern',
                                            keyword: 'pattern',
                                            params: { pattern: '^$|^https?://' },
                                            message: 'must match pattern "' + '^$|^https?://' + '"',
                                            schema: '^$|^https?://',
                                            parentSchema: schema11.properties.provider.properties.web,
                                            data: data23,
                                          },
                                        ];
                                        return false;
                                      }
                                    } else {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/provider/web',
                                          schemaPath: '#/properties/provider/properties/web/type',
                                          keyword: 'type',
                                          params: { type: 'string' },
                                          message: 'must be string',
                                          schema: schema11.properties.provider.properties.web.type,
                                          parentSchema: schema11.properties.provider.properties.web,
                                          data: data23,
                                        },
                                      ];
                                      return false;
                                    }
                                  }
                                  var valid8 = _errs55 === errors;
                                } else {
                                  var valid8 = true;
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              } else {
                validate10.errors = [
                  {
                    instancePath: instancePath + '/provider',
                    schemaPath: '#/properties/provider/type',
                    keyword: 'type',
                    params: { type: 'object' },
                    message: 'must be object',
                    schema: schema11.properties.provider.type,
                    parentSchema: schema11.properties.provider,
                    data: data10,
                  },
                ];
                return false;
              }
            }
            var valid0 = _errs26 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.place !== undefined) {
              let data24 = data.place;
              const _errs57 = errors;
              if (errors === _errs57) {
                if (data24 && typeof data24 == 'object' && !Array.isArray(data24)) {
                  const _errs59 = errors;
                  for (const key5 in data24) {
                    if (!(key5 === 'name' || key5 === 'code')) {
                      validate10.errors = [
                        {
                          instancePath: instancePath + '/place',
                          schemaPath: '#/properties/place/additionalProperties',
                          keyword: 'additionalProperties',
                          params: { additionalProperty: key5 },
                          message: 'must NOT have additional properties',
                          schema: false,
                          parentSchema: schema11.properties.place,
                          data: data24,
                        },
                      ];
                      return false;
                      break;
                    }
                  }
                  if (_errs59 === errors) {
                    if (data24.name !== undefined) {
                      let data25 = data24.name;
                      const _errs60 = errors;
                      const _errs61 = errors;
                      if (errors === _errs61) {
                        if (typeof data25 === 'string') {
                          if (data25.length < 1) {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/place/name',
                                schemaPath: '#/definitions/text/minLength',
                                keyword: 'minLength',
                                params: { limit: 1 },
                                message: 'must NOT have fewer than 1 characters',
                                schema: 1,
                                parentSchema: schema13,
                                data: data25,
                              },
                            ];
                            return false;
                          }
                        } else {
                          validate10.errors = [
                            {
                              instancePath: instancePath + '/place/name',
                              schemaPath: '#/definitions/text/type',
                              keyword: 'type',
                              params: { type: 'string' },
                              message: 'must be string',
                              schema: schema13.type,
                              parentSchema: schema13,
                              data: data25,
                            },
                          ];
                          return false;
                        }
                      }
                      var valid11 = _errs60 === errors;
                    } else {
                      var valid11 = true;
                    }
                    if (valid11) {
                      if (data24.code !== undefined) {
                        let data26 = data24.code;
                        const _errs63 = errors;
                        if (typeof data26 !== 'string') {
                          validate10.errors = [
                            {
                              instancePath: instancePath + '/place/code',
                              schemaPath: '#/properties/place/properties/code/type',
                              keyword: 'type',
                              params: { type: 'string' },
                              message: 'must be string',
                              schema: schema11.properties.place.properties.code.type,
                              parentSchema: schema11.properties.place.properties.code,
                              data: data26,
                            },
                          ];
                          return false;
                        }
                        var valid11 = _errs63 === errors;
                      } else {
                        var valid11 = true;
                      }
                    }
                  }
                } else {
                  validate10.errors = [
                    {
                      instancePath: instancePath + '/place',
                      schemaPath: '#/properties/place/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema11.properties.place.type,
                      parentSchema: schema11.properties.place,
                      data: data24,
                    },
                  ];
                  return false;
                }
              }
              var valid0 = _errs57 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.extent !== undefined) {
                let data27 = data.extent;
                const _errs65 = errors;
                if (errors === _errs65) {
                  if (Array.isArray(data27)) {
                    if (data27.length > 4) {
                      validate10.errors = [
                        {
                          instancePath: instancePath + '/extent',
                          schemaPath: '#/properties/extent/maxItems',
                          keyword: 'maxItems',
                          params: { limit: 4 },
                          message: 'must NOT have more than 4 items',
                          schema: 4,
                          parentSchema: schema11.properties.extent,
                          data: data27,
                        },
                      ];
                      return false;
                    } else {
                      if (data27.length < 4) {
                        validate10.errors = [
                          {
                            instancePath: instancePath + '/extent',
                            schemaPath: '#/properties/extent/minItems',
                            keyword: 'minItems',
                            params: { limit: 4 },
                            message: 'must NOT have fewer than 4 items',
                            schema: 4,
                            parentSchema: schema11.properties.extent,
                            data: data27,
                          },
                        ];
                        return false;
                      } else {
                        const len1 = data27.length;
                        if (len1 > 0) {
                          let data28 = data27[0];
                          const _errs67 = errors;
                          if (errors === _errs67) {
                            if (typeof data28 == 'number') {
                              if (data28 > 180 || isNaN(data28)) {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/extent/0',
                                    schemaPath: '#/properties/extent/items/0/maximum',
                                    keyword: 'maximum',
                                    params: { comparison: '<=', limit: 180 },
                                    message: 'must be <= 180',
                                    schema: 180,
                                    parentSchema: schema11.properties.extent.items[0],
                                    data: data28,
                                  },
                                ];
                                return false;
                              } else {
                                if (data28 < -180 || isNaN(data28)) {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/extent/0',
                                      schemaPath: '#/properties/extent/items/0/minimum',
                                      keyword: 'minimum',
                                      params: { comparison: '>=', limit: -180 },
                                      message: 'must be >= -180',
                                      schema: -180,
                                      parentSchema: schema11.properties.extent.items[0],
                                      data: data28,
                                    },
                                  ];
                                  return false;
                                }
                              }
                            } else {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/extent/0',
                                  schemaPath: '#/properties/extent/items/0/type',
                                  keyword: 'type',
                                  params: { type: 'number' },
                                  message: 'must be number',
                                  schema: schema11.properties.extent.items[0].type,
                                  parentSchema: schema11.properties.extent.items[0],
                                  data: data28,
                                },
                              ];
                              return false;
                            }
                          }
                          var valid13 = _errs67 === errors;
                        }
                        if (valid13) {
                          if (len1 > 1) {
                            let data29 = data27[1];
                            const _errs69 = errors;
                            if (errors === _errs69) {
                              if (typeof data29 == 'number') {
                                if (data29 > 90 || isNaN(data29)) {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/extent/1',
                                      schemaPath: '#/properties/extent/items/1/maximum',
                                      keyword: 'maximum',
                                      params: { comparison: '<=', limit: 90 },
                                      message: 'must be <= 90',
                                      schema: 90,
                                      parentSchema: schema11.properties.extent.items[1],
                                      data: data29,
                                    },
                                  ];
                                  return false;
                                } else {
                                  if (data29 < -90 || isNaN(data29)) {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/extent/1',
                                        schemaPath: '#/properties/extent/items/1/minimum',
                                        keyword: 'minimum',
                                        params: { comparison: '>=', limit: -90 },
                                        message: 'must be >= -90',
                                        schema: -90,
                                        parentSchema: schema11.properties.extent.items[1],
                                        data: data29,
                                      },
                                    ];
                                    return false;
                                  }
                                }
                              } else {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/extent/1',
                                    schemaPath: '#/properties/extent/items/1/type',
                                    keyword: 'type',
                                    params: { type: 'number' },
                                    message: 'must be number',
                                    schema: schema11.properties.extent.items[1].type,
                                    parentSchema: schema11.properties.extent.items[1],
                                    data: data29,
                                  },
                                ];
                                return false;
                              }
                            }
                            var valid13 = _errs69 === errors;
                          }
                          if (valid13) {
                            if (len1 > 2) {
                              let data30 = data27[2];
                              const _errs71 = errors;
                              if (errors === _errs71) {
                                if (typeof data30 == 'number') {
                                  if (data30 > 180 || isNaN(data30)) {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/extent/2',
                                        schemaPath: '#/properties/extent/items/2/maximum',
                                        keyword: 'maximum',
                                        params: { comparison: '<=', limit: 180 },
                                        message: 'must be <= 180',
                                        schema: 180,
                                        parentSchema: schema11.properties.extent.items[2],
                                        data: data30,
                                      },
                                    ];
                                    return false;
                                  } else {
                                    if (data30 < -180 || isNaN(data30)) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/extent/2',
                                          schemaPath: '#/properties/extent/items/2/minimum',
                                          keyword: 'minimum',
                                          params: { comparison: '>=', limit: -180 },
                                          message: 'must be >= -180',
                                          schema: -180,
                                          parentSchema: schema11.properties.extent.items[2],
                                          data: data30,
                                        },
                                      ];
                                      return false;
                                    }
                                  }
                                } else {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/extent/2',
                                      schemaPath: '#/properties/extent/items/2/type',
                                      keyword: 'type',
                                      params: { type: 'number' },
                                      message: 'must be number',
                                      schema: schema11.properties.extent.items[2].type,
                                      parentSchema: schema11.properties.extent.items[2],
                                      data: data30,
                                    },
                                  ];
                                  return false;
                                }
                              }
                              var valid13 = _errs71 === errors;
                            }
                            if (valid13) {
                              if (len1 > 3) {
                                let data31 = data27[3];
                                const _errs73 = errors;
                                if (errors === _errs73) {
                                  if (typeof data31 == 'number') {
                                    if (data31 > 90 || isNaN(data31)) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/extent/3',
                                          schemaPath: '#/properties/extent/items/3/maximum',
                                          keyword: 'maximum',
                                          params: { comparison: '<=', limit: 90 },
                                          message: 'must be <= 90',
                                          schema: 90,
                                          parentSchema: schema11.properties.extent.items[3],
                                          data: data31,
                                        },
                                      ];
                                      return false;
                                    } else {
                                      if (data31 < -90 || isNaN(data31)) {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/extent/3',
                                            schemaPath: '#/properties/extent/items/3/minimum',
                                            keyword: 'minimum',
                                            params: { comparison: '>=', limit: -90 },
                                            message: 'must be >= -90',
                                            schema: -90,
                                            parentSchema: schema11.properties.extent.items[3],
                                            data: data31,
                                          },
                                        ];
                                        return false;
                                      }
                                    }
                                  } else {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/extent/3',
                                        schemaPath: '#/properties/extent/items/3/type',
                                        keyword: 'type',
                                        params: { type: 'number' },
                                        message: 'must be number',
                                        schema: schema11.properties.extent.items[3].type,
                                        parentSchema: schema11.properties.extent.items[3],
                                        data: data31,
                                      },
                                    ];
                                    return false;
                                  }
                                }
                                var valid13 = _errs73 === errors;
                              }
                            }
                          }
                        }
                      }
                    }
                  } else {
                    validate10.errors = [
                      {
                        instancePath: instancePath + '/extent',
                        schemaPath: '#/properties/extent/type',
                        keyword: 'type',
                        params: { type: 'array' },
                        message: 'must be array',
                        schema: schema11.properties.extent.type,
                        parentSchema: schema11.properties.extent,
                        data: data27,
                      },
                    ];
                    return false;
                  }
                }
                var valid0 = _errs65 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.languages !== undefined) {
                  let data32 = data.languages;
                  const _errs75 = errors;
                  if (errors === _errs75) {
                    if (Array.isArray(data32)) {
                      if (data32.length < 1) {
                        validate10.errors = [
                          {
                            instancePath: instancePath + '/languages',
                            schemaPath: '#/properties/languages/minItems',
                            keyword: 'minItems',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 items',
                            schema: 1,
                            parentSchema: schema11.properties.languages,
                            data: data32,
                          },
                        ];
                        return false;
                      } else {
                        var valid14 = true;
                        const len2 = data32.length;
                        for (let i1 = 0; i1 < len2; i1++) {
                          let data33 = data32[i1];
                          const _errs77 = errors;
                          if (typeof data33 !== 'string') {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/languages/' + i1,
                                schemaPath: '#/properties/languages/items/type',
                                keyword: 'type',
                                params: { type: 'string' },
                                message: 'must be string',
                                schema: schema11.properties.languages.items.type,
                                parentSchema: schema11.properties.languages.items,
                                data: data33,
                              },
                            ];
                            return false;
                          }
                          if (!(data33 === 'id' || data33 === 'en')) {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/languages/' + i1,
                                schemaPath: '#/properties/languages/items/enum',
                                keyword: 'enum',
                                params: { allowedValues: schema11.properties.languages.items.enum },
                                message: 'must be equal to one of the allowed values',
                                schema: schema11.properties.languages.items.enum,
                                parentSchema: schema11.properties.languages.items,
                                data: data33,
                              },
                            ];
                            return false;
                          }
                          var valid14 = _errs77 === errors;
                          if (!valid14) {
                            break;
                          }
                        }
                        if (valid14) {
                          let i2 = data32.length;
                          let j0;
                          if (i2 > 1) {
                            const indices0 = {};
                            for (; i2--;) {
                              let item0 = data32[i2];
                              if (typeof item0 !== 'string') {
                                continue;
                              }
                              if (typeof indices0[item0] == 'number') {
                                j0 = indices0[item0];
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/languages',
                                    schemaPath: '#/properties/languages/uniqueItems',
                                    keyword: 'uniqueItems',
                                    params: { i: i2, j: j0 },
                                    message:
                                      'must NOT have duplicate items (items ## ' +
                                      j0 +
                                      ' and ' +
                                      i2 +
                                      ' are identical)',
                                    schema: true,
                                    parentSchema: schema11.properties.languages,
                                    data: data32,
                                  },
                                ];
                                return false;
                                break;
                              }
                              indices0[item0] = i2;
                            }
                          }
                        }
                      }
                    } else {
                      validate10.errors = [
                        {
                          instancePath: instancePath + '/languages',
                          schemaPath: '#/properties/languages/type',
                          keyword: 'type',
                          params: { type: 'array' },
                          message: 'must be array',
                          schema: schema11.properties.languages.type,
                          parentSchema: schema11.properties.languages,
                          data: data32,
                        },
                      ];
                      return false;
                    }
                  }
                  var valid0 = _errs75 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.limits !== undefined) {
                    let data34 = data.limits;
                    const _errs79 = errors;
                    if (errors === _errs79) {
                      if (data34 && typeof data34 == 'object' && !Array.isArray(data34)) {
                        const _errs81 = errors;
                        for (const key6 in data34) {
                          if (!(
                            key6 === 'maxImagePixels' ||
                            key6 === 'maxFeatures' ||
                            key6 === 'defaultFeatures' ||
                            key6 === 'maxUploadMB' ||
                            key6 === 'sessionIdleMinutes' ||
                            key6 === 'sessionMaxHours' ||
                            key6 === 'caches'
                          )) {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/limits',
                                schemaPath: '#/properties/limits/additionalProperties',
                                keyword: 'additionalProperties',
                                params: { additionalProperty: key6 },
                                message: 'must NOT have additional properties',
                                schema: false,
                                parentSchema: schema11.properties.limits,
                                data: data34,
                              },
                            ];
                            return false;
                            break;
                          }
                        }
                        if (_errs81 === errors) {
                          if (data34.maxImagePixels !== undefined) {
                            let data35 = data34.maxImagePixels;
                            const _errs82 = errors;
                            const _errs83 = errors;
                            if (!(typeof data35 == 'number' && !(data35 % 1) && !isNaN(data35))) {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/limits/maxImagePixels',
                                  schemaPath: '#/definitions/count/type',
                                  keyword: 'type',
                                  params: { type: 'integer' },
                                  message: 'must be integer',
                                  schema: schema21.type,
                                  parentSchema: schema21,
                                  data: data35,
                                },
                              ];
                              return false;
                            }
                            if (errors === _errs83) {
                              if (typeof data35 == 'number') {
                                if (data35 < 1 || isNaN(data35)) {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/limits/maxImagePixels',
                                      schemaPath: '#/definitions/count/minimum',
                                      keyword: 'minimum',
                                      params: { comparison: '>=', limit: 1 },
                                      message: 'must be >= 1',
                                      schema: 1,
                                      parentSchema: schema21,
                                      data: data35,
                                    },
                                  ];
                                  return false;
                                }
                              }
                            }
                            var valid16 = _errs82 === errors;
                          } else {
                            var valid16 = true;
                          }
                          if (valid16) {
                            if (data34.maxFeatures !== undefined) {
                              let data36 = data34.maxFeatures;
                              const _errs85 = errors;
                              const _errs86 = errors;
                              if (!(typeof data36 == 'number' && !(data36 % 1) && !isNaN(data36))) {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/limits/maxFeatures',
                                    schemaPath: '#/definitions/count/type',
                                    keyword: 'type',
                                    params: { type: 'integer' },
                                    message: 'must be integer',
                                    schema: schema21.type,
                                    parentSchema: schema21,
                                    data: data36,
                                  },
                                ];
                                return false;
                              }
                              if (errors === _errs86) {
                                if (typeof data36 == 'number') {
                                  if (data36 < 1 || isNaN(data36)) {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/limits/maxFeatures',
                                        schemaPath: '#/definitions/count/minimum',
                                        keyword: 'minimum',
                                        params: { comparison: '>=', limit: 1 },
                                        message: 'must be >= 1',
                                        schema: 1,
                                        parentSchema: schema21,
                                        data: data36,
                                      },
                                    ];
                                    return false;
                                  }
                                }
                              }
                              var valid16 = _errs85 === errors;
                            } else {
                              var valid16 = true;
                            }
                            if (valid16) {
                              if (data34.defaultFeatures !== undefined) {
                                let data37 = data34.defaultFeatures;
                                const _errs88 = errors;
                                const _errs89 = errors;
                                if (!(typeof data37 == 'number' && !(data37 % 1) && !isNaN(data37))) {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/limits/defaultFeatures',
                                      schemaPath: '#/definitions/count/type',
                                      keyword: 'type',
                                      params: { type: 'integer' },
                                      message: 'must be integer',
                                      schema: schema21.type,
                                      parentSchema: schema21,
                                      data: data37,
                                    },
                                  ];
                                  return false;
                                }
                                if (errors === _errs89) {
                                  if (typeof data37 == 'number') {
                                    if (data37 < 1 || isNaN(data37)) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/limits/defaultFeatures',
                                          schemaPath: '#/definitions/count/minimum',
                                          keyword: 'minimum',
                                          params: { comparison: '>=', limit: 1 },
                                          message: 'must be >= 1',
                                          schema: 1,
                                          parentSchema: schema21,
                                          data: data37,
                                        },
                                      ];
                                      return false;
                                    }
                                  }
                                }
                                var valid16 = _errs88 === errors;
                              } else {
                                var valid16 = true;
                              }
                              if (valid16) {
                                if (data34.maxUploadMB !== undefined) {
                                  let data38 = data34.maxUploadMB;
                                  const _errs91 = errors;
                                  const _errs92 = errors;
                                  if (!(typeof data38 == 'number' && !(data38 % 1) && !isNaN(data38))) {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/limits/maxUploadMB',
                                        schemaPath: '#/definitions/count/type',
                                        keyword: 'type',
                                        params: { type: 'integer' },
                                        message: 'must be integer',
                                        schema: schema21.type,
                                        parentSchema: schema21,
                                        data: data38,
                                      },
                                    ];
                                    return false;
                                  }
                                  if (errors === _errs92) {
                                    if (typeof data38 == 'number') {
                                      if (data38 < 1 || isNaN(data38)) {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/limits/maxUploadMB',
                                            schemaPath: '#/definitions/count/minimum',
                                            keyword: 'minimum',
                                            params: { comparison: '>=', limit: 1 },
                                            message: 'must be >= 1',
                                            schema: 1,
                                            parentSchema: schema21,
                                            data: data38,
                                          },
                                        ];
                                        return false;
                                      }
                                    }
                                  }
                                  var valid16 = _errs91 === errors;
                                } else {
                                  var valid16 = true;
                                }
                                if (valid16) {
                                  if (data34.sessionIdleMinutes !== undefined) {
                                    let data39 = data34.sessionIdleMinutes;
                                    const _errs94 = errors;
                                    if (!(typeof data39 == 'number' && !(data39 % 1) && !isNaN(data39))) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/limits/sessionIdleMinutes',
                                          schemaPath: '#/properties/limits/properties/sessionIdleMinutes/type',
                                          keyword: 'type',
                                          params: { type: 'integer' },
                                          message: 'must be integer',
                                          schema: schema11.properties.limits.properties.sessionIdleMinutes.type,
                                          parentSchema: schema11.properties.limits.properties.sessionIdleMinutes,
                                          data: data39,
                                        },
                                      ];
                                      return false;
                                    }
                                    if (errors === _errs94) {
                                      if (typeof data39 == 'number') {
                                        if (data39 > 10080 || isNaN(data39)) {
                                          validate10.errors = [
                                            {
                                              instancePath: instancePath + '/limits/sessionIdleMinutes',
                                              schemaPath: '#/properties/limits/properties/sessionIdleMinutes/maximum',
                                              keyword: 'maximum',
                                              params: { comparison: '<=', limit: 10080 },
                                              message: 'must be <= 10080',
                                              schema: 10080,
                                              parentSchema: schema11.properties.limits.properties.sessionIdleMinutes,
                                              data: data39,
                                            },
                                          ];
                                          return false;
                                        } else {
                                          if (data39 < 1 || isNaN(data39)) {
                                            validate10.errors = [
                                              {
                                                instancePath: instancePath + '/limits/sessionIdleMinutes',
                                                schemaPath: '#/properties/limits/properties/sessionIdleMinutes/minimum',
                                                keyword: 'minimum',
                                                params: { comparison: '>=', limit: 1 },
                                                message: 'must be >= 1',
                                                schema: 1,
                                                parentSchema: schema11.properties.limits.properties.sessionIdleMinutes,
                                                data: data39,
                                              },
                                            ];
                                            return false;
                                          }
                                        }
                                      }
                                    }
                                    var valid16 = _errs94 === errors;
                                  } else {
                                    var valid16 = true;
                                  }
                                  if (valid16) {
                                    if (data34.sessionMaxHours !== undefined) {
                                      let data40 = data34.sessionMaxHours;
                                      const _errs96 = errors;
                                      if (!(typeof data40 == 'number' && !(data40 % 1) && !isNaN(data40))) {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/limits/sessionMaxHours',
                                            schemaPath: '#/properties/limits/properties/sessionMaxHours/type',
                                            keyword: 'type',
                                            params: { type: 'integer' },
                                            message: 'must be integer',
                                            schema: schema11.properties.limits.properties.sessionMaxHours.type,
                                            parentSchema: schema11.properties.limits.properties.sessionMaxHours,
                                            data: data40,
                                          },
                                        ];
                                        return false;
                                      }
                                      if (errors === _errs96) {
                                        if (typeof data40 == 'number') {
                                          if (data40 > 720 || isNaN(data40)) {
                                            validate10.errors = [
                                              {
                                                instancePath: instancePath + '/limits/sessionMaxHours',
                                                schemaPath: '#/properties/limits/properties/sessionMaxHours/maximum',
                                                keyword: 'maximum',
                                                params: { comparison: '<=', limit: 720 },
                                                message: 'must be <= 720',
                                                schema: 720,
                                                parentSchema: schema11.properties.limits.properties.sessionMaxHours,
                                                data: data40,
                                              },
                                            ];
                                            return false;
                                          } else {
                                            if (data40 < 1 || isNaN(data40)) {
                                              validate10.errors = [
                                                {
                                                  instancePath: instancePath + '/limits/sessionMaxHours',
                                                  schemaPath: '#/properties/limits/properties/sessionMaxHours/minimum',
                                                  keyword: 'minimum',
                                                  params: { comparison: '>=', limit: 1 },
                                                  message: 'must be >= 1',
                                                  schema: 1,
                                                  parentSchema: schema11.properties.limits.properties.sessionMaxHours,
                                                  data: data40,
                                                },
                                              ];
                                              return false;
                                            }
                                          }
                                        }
                                      }
                                      var valid16 = _errs96 === errors;
                                    } else {
                                      var valid16 = true;
                                    }
                                    if (valid16) {
                                      if (data34.caches !== undefined) {
                                        let data41 = data34.caches;
                                        const _errs98 = errors;
                                        if (errors === _errs98) {
                                          if (data41 && typeof data41 == 'object' && !Array.isArray(data41)) {
                                            const _errs100 = errors;
                                            for (const key7 in data41) {
                                              if (
                                                !func2.call(
                                                  schema11.properties.limits.properties.caches.properties,
                                                  key7,
                                                )
                                              ) {
                                                validate10.errors = [
                                                  {
                                                    instancePath: instancePath + '/limits/caches',
                                                    schemaPath:
                                                      '#/properties/limits/properties/caches/additionalProperties',
                                                    keyword: 'additionalProperties',
                                                    params: { additionalProperty: key7 },
                                                    message: 'must NOT have additional properties',
                                                    schema: false,
                                                    parentSchema: schema11.properties.limits.properties.caches,
                                                    data: data41,
                                                  },
                                                ];
                                                return false;
                                                break;
                                              }
                                            }
                                            if (_errs100 === errors) {
                                              if (data41.wmsCapabilities !== undefined) {
                                                let data42 = data41.wmsCapabilities;
                                                const _errs101 = errors;
                                                const _errs102 = errors;
                                                if (!(typeof data42 == 'number' && !(data42 % 1) && !isNaN(data42))) {
                                                  validate10.errors = [
                                                    {
                                                      instancePath: instancePath + '/limits/caches/wmsCapabilities',
                                                      schemaPath: '#/definitions/count/type',
                                                      keyword: 'type',
                                                      params: { type: 'integer' },
                                                      message: 'must be integer',
                                                      schema: schema21.type,
                                                      parentSchema: schema21,
                                                      data: data42,
                                                    },
                                                  ];
                                                  return false;
                                                }
                                                if (errors === _errs102) {
                                                  if (typeof data42 == 'number') {
                                                    if (data42 < 1 || isNaN(data42)) {
                                                      validate10.errors = [
                                                        {
                                                          instancePath: instancePath + '/limits/caches/wmsCapabilities',
                                                          schemaPath: '#/definitions/count/minimum',
                                                          keyword: 'minimum',
                                                          params: { comparison: '>=', limit: 1 },
                                                          message: 'must be >= 1',
                                                          schema: 1,
                                                          parentSchema: schema21,
                                                          data: data42,
                                                        },
                                                      ];
                                                      return false;
                                                    }
                                                  }
                                                }
                                                var valid21 = _errs101 === errors;
                                              } else {
                                                var valid21 = true;
                                              }
                                              if (valid21) {
                                                if (data41.wfsCapabilities !== undefined) {
                                                  let data43 = data41.wfsCapabilities;
                                                  const _errs104 = errors;
                                                  const _errs105 = errors;
                                                  if (!(typeof data43 == 'number' && !(data43 % 1) && !isNaN(data43))) {
                                                    validate10.errors = [
                                                      {
                                                        instancePath: instancePath + '/limits/caches/wfsCapabilities',
                                                        schemaPath: '#/definitions/count/type',
                                                        keyword: 'type',
                                                        params: { type: 'integer' },
                                                        message: 'must be integer',
                                                        schema: schema21.type,
                                                        parentSchema: schema21,
                                                        data: data43,
                                                      },
                                                    ];
                                                    return false;
                                                  }
                                                  if (errors === _errs105) {
                                                    if (typeof data43 == 'number') {
                                                      if (data43 < 1 || isNaN(data43)) {
                                                        validate10.errors = [
                                                          {
                                                            instancePath:
                                                              instancePath + '/limits/caches/wfsCapabilities',
                                                            schemaPath: '#/definitions/count/minimum',
                                                            keyword: 'minimum',
                                                            params: { comparison: '>=', limit: 1 },
                                                            message: 'must be >= 1',
                                                            schema: 1,
                                                            parentSchema: schema21,
                                                            data: data43,
                                                          },
                                                        ];
                                                        return false;
                                                      }
                                                    }
                                                  }
                                                  var valid21 = _errs104 === errors;
                                                } else {
                                                  var valid21 = true;
                                                }
                                                if (valid21) {
                                                  if (data41.wmtsCapabilities !== undefined) {
                                                    let data44 = data41.wmtsCapabilities;
                                                    const _errs107 = errors;
                                                    const _errs108 = errors;
                                                    if (!(
                                                      typeof data44 == 'number' &&
                                                      !(data44 % 1) &&
                                                      !isNaN(data44)
                                                    )) {
                                                      validate10.errors = [
                                                        {
                                                          instancePath:
                                                            instancePath + '/limits/caches/wmtsCapabilities',
                                                          schemaPath: '#/definitions/count/type',
                                                          keyword: 'type',
                                                          params: { type: 'integer' },
                                                          message: 'must be integer',
                                                          schema: schema21.type,
                                                          parentSchema: schema21,
                                                          data: data44,
                                                        },
                                                      ];
                                                      return false;
                                                    }
                                                    if (errors === _errs108) {
                                                      if (typeof data44 == 'number') {
                                                        if (data44 < 1 || isNaN(data44)) {
                                                          validate10.errors = [
                                                            {
                                                              instancePath:
                                                                instancePath + '/limits/caches/wmtsCapabilities',
                                                              schemaPath: '#/definitions/count/minimum',
                                                              keyword: 'minimum',
                                                              params: { comparison: '>=', limit: 1 },
                                                              message: 'must be >= 1',
                                                              schema: 1,
                                                              parentSchema: schema21,
                                                              data: data44,
                                                            },
                                                          ];
                                                          return false;
                                                        }
                                                      }
                                                    }
                                                    var valid21 = _errs107 === errors;
                                                  } else {
                                                    var valid21 = true;
                                                  }
                                                  if (valid21) {
                                                    if (data41.cswCapabilities !== undefined) {
                                                      let data45 = data41.cswCapabilities;
                                                      const _errs110 = errors;
                                                      const _errs111 = errors;
                                                      if (!(
                                                        typeof data45 == 'number' &&
                                                        !(data45 % 1) &&
                                                        !isNaN(data45)
                                                      )) {
                                                        validate10.errors = [
                                                          {
                                                            instancePath:
                                                              instancePath + '/limits/caches/cswCapabilities',
                                                            schemaPath: '#/definitions/count/type',
                                                            keyword: 'type',
                                                            params: { type: 'integer' },
                                                            message: 'must be integer',
                                                            schema: schema21.type,
                                                            parentSchema: schema21,
                                                            data: data45,
                                                          },
                                                        ];
                                                        return false;
                                                      }
                                                      if (errors === _errs111) {
                                                        if (typeof data45 == 'number') {
                                                          if (data45 < 1 || isNaN(data45)) {
                                                            validate10.errors = [
                                                              {
                                                                instancePath:
                                                                  instancePath + '/limits/caches/cswCapabilities',
                                                                schemaPath: '#/definitions/count/minimum',
                                                                keyword: 'minimum',
                                                                params: { comparison: '>=', limit: 1 },
                                                                message: 'must be >= 1',
                                                                schema: 1,
                                                                parentSchema: schema21,
                                                                data: data45,
                                                              },
                                                            ];
                                                            return false;
                                                          }
                                                        }
                                                      }
                                                      var valid21 = _errs110 === errors;
                                                    } else {
                                                      var valid21 = true;
                                                    }
                                                    if (valid21) {
                                                      if (data41.ogcapiCollections !== undefined) {
                                                        let data46 = data41.ogcapiCollections;
                                                        const _errs113 = errors;
                                                        const _errs114 = errors;
                                                        if (!(
                                                          typeof data46 == 'number' &&
                                                          !(data46 % 1) &&
                                                          !isNaN(data46)
                                                        )) {
                                                          validate10.errors = [
                                                            {
                                                              instancePath:
                                                                instancePath + '/limits/caches/ogcapiCollections',
                                                              schemaPath: '#/definitions/count/type',
                                                              keyword: 'type',
                                                              params: { type: 'integer' },
                                                              message: 'must be integer',
                                                              schema: schema21.type,
                                                              parentSchema: schema21,
                                                              data: data46,
                                                            },
                                                          ];
                                                          return false;
                                                        }
                                                        if (errors === _errs114) {
                                                          if (typeof data46 == 'number') {
                                                            if (data46 < 1 || isNaN(data46)) {
                                                              validate10.errors = [
                                                                {
                                                                  instancePath:
                                                                    instancePath + '/limits/caches/ogcapiCollections',
                                                                  schemaPath: '#/definitions/count/minimum',
                                                                  keyword: 'minimum',
                                                                  params: { comparison: '>=', limit: 1 },
                                                                  message: 'must be >= 1',
                                                                  schema: 1,
                                                                  parentSchema: schema21,
                                                                  data: data46,
                                                                },
                                                              ];
                                                              return false;
                                                            }
                                                          }
                                                        }
                                                        var valid21 = _errs113 === errors;
                                                      } else {
                                                        var valid21 = true;
                                                      }
                                                      if (valid21) {
                                                        if (data41.records !== undefined) {
                                                          let data47 = data41.records;
                                                          const _errs116 = errors;
                                                          const _errs117 = errors;
                                                          if (!(
                                                            typeof data47 == 'number' &&
                                                            !(data47 % 1) &&
                                                            !isNaN(data47)
                                                          )) {
                                                            validate10.errors = [
                                                              {
                                                                instancePath: instancePath + '/limits/caches/records',
                                                                schemaPath: '#/definitions/count/type',
                                                                keyword: 'type',
                                                                params: { type: 'integer' },
                                                                message: 'must be integer',
                                                                schema: schema21.type,
                                                                parentSchema: schema21,
                                                                data: data47,
                                                              },
                                                            ];
                                                            return false;
                                                          }
                                                          if (errors === _errs117) {
                                                            if (typeof data47 == 'number') {
                                                              if (data47 < 1 || isNaN(data47)) {
                                                                validate10.errors = [
                                                                  {
                                                                    instancePath:
                                                                      instancePath + '/limits/caches/records',
                                                                    schemaPath: '#/definitions/count/minimum',
                                                                    keyword: 'minimum',
                                                                    params: { comparison: '>=', limit: 1 },
                                                                    message: 'must be >= 1',
                                                                    schema: 1,
                                                                    parentSchema: schema21,
                                                                    data: data47,
                                                                  },
                                                                ];
                                                                return false;
                                                              }
                                                            }
                                                          }
                                                          var valid21 = _errs116 === errors;
                                                        } else {
                                                          var valid21 = true;
                                                        }
                                                        if (valid21) {
                                                          if (data41.tilesMB !== undefined) {
                                                            let data48 = data41.tilesMB;
                                                            const _errs119 = errors;
                                                            const _errs120 = errors;
                                                            if (!(
                                                              typeof data48 == 'number' &&
                                                              !(data48 % 1) &&
                                                              !isNaN(data48)
                                                            )) {
                                                              validate10.errors = [
                                                                {
                                                                  instancePath: instancePath + '/limits/caches/tilesMB',
                                                                  schemaPath: '#/definitions/count/type',
                                                                  keyword: 'type',
                                                                  params: { type: 'integer' },
                                                                  message: 'must be integer',
                                                                  schema: schema21.type,
                                                                  parentSchema: schema21,
                                                                  data: data48,
                                                                },
                                                              ];
                                                              return false;
                                                            }
                                                            if (errors === _errs120) {
                                                              if (typeof data48 == 'number') {
                                                                if (data48 < 1 || isNaN(data48)) {
                                                                  validate10.errors = [
                                                                    {
                                                                      instancePath:
                                                                        instancePath + '/limits/caches/tilesMB',
                                                                      schemaPath: '#/definitions/count/minimum',
                                                                      keyword: 'minimum',
                                                                      params: { comparison: '>=', limit: 1 },
                                                                      message: 'must be >= 1',
                                                                      schema: 1,
                                                                      parentSchema: schema21,
                                                                      data: data48,
                                                                    },
                                                                  ];
                                                                  return false;
                                                                }
                                                              }
                                                            }
                                                            var valid21 = _errs119 === errors;
                                                          } else {
                                                            var valid21 = true;
                                                          }
                                                          if (valid21) {
                                                            if (data41.styles !== undefined) {
                                                              let data49 = data41.styles;
                                                              const _errs122 = errors;
                                                              const _errs123 = errors;
                                                              if (!(
                                                                typeof data49 == 'number' &&
                                                                !(data49 % 1) &&
                                                                !isNaN(data49)
                                                              )) {
                                                                validate10.errors = [
                                                                  {
                                                                    instancePath:
                                                                      instancePath + '/limits/caches/styles',
                                                                    schemaPath: '#/definitions/count/type',
                                                                    keyword: 'type',
                                                                    params: { type: 'integer' },
                                                                    message: 'must be integer',
                                                                    schema: schema21.type,
                                                                    parentSchema: schema21,
                                                                    data: data49,
                                                                  },
                                                                ];
                                                                return false;
                                                              }
                                                              if (errors === _errs123) {
                                                                if (typeof data49 == 'number') {
                                                                  if (data49 < 1 || isNaN(data49)) {
                                                                    validate10.errors = [
                                                                      {
                                                                        instancePath:
                                                                          instancePath + '/limits/caches/styles',
                                                                        schemaPath: '#/definitions/count/minimum',
                                                                        keyword: 'minimum',
                                                                        params: { comparison: '>=', limit: 1 },
                                                                        message: 'must be >= 1',
                                                                        schema: 1,
                                                                        parentSchema: schema21,
                                                                        data: data49,
                                                                      },
                                                                    ];
                                                                    return false;
                                                                  }
                                                                }
                                                              }
                                                              var valid21 = _errs122 === errors;
                                                            } else {
                                                              var valid21 = true;
                                                            }
                                                            if (valid21) {
                                                              if (data41.storedStyles !== undefined) {
                                                                let data50 = data41.storedStyles;
                                                                const _errs125 = errors;
                                                                const _errs126 = errors;
                                                                if (!(
                                                                  typeof data50 == 'number' &&
                                                                  !(data50 % 1) &&
                                                                  !isNaN(data50)
                                                                )) {
                                                                  validate10.errors = [
                                                                    {
                                                                      instancePath:
                                                                        instancePath + '/limits/caches/storedStyles',
                                                                      schemaPath: '#/definitions/count/type',
                                                                      keyword: 'type',
                                                                      params: { type: 'integer' },
                                                                      message: 'must be integer',
                                                                      schema: schema21.type,
                                                                      parentSchema: schema21,
                                                                      data: data50,
                                                                    },
                                                                  ];
                                                                  return false;
                                                                }
                                                                if (errors === _errs126) {
                                                                  if (typeof data50 == 'number') {
                                                                    if (data50 < 1 || isNaN(data50)) {
                                                                      validate10.errors = [
                                                                        {
                                                                          instancePath:
                                                                            instancePath +
                                                                            '/limits/caches/storedStyles',
                                                                          schemaPath: '#/definitions/count/minimum',
                                                                          keyword: 'minimum',
                                                                          params: { comparison: '>=', limit: 1 },
                                                                          message: 'must be >= 1',
                                                                          schema: 1,
                                                                          parentSchema: schema21,
                                                                          data: data50,
                                                                        },
                                                                      ];
                                                                      return false;
                                                                    }
                                                                  }
                                                                }
                                                                var valid21 = _errs125 === errors;
                                                              } else {
                                                                var valid21 = true;
                                                              }
                                                              if (valid21) {
                                                                if (data41.imagesMB !== undefined) {
                                                                  let data51 = data41.imagesMB;
                                                                  const _errs128 = errors;
                                                                  const _errs129 = errors;
                                                                  if (!(
                                                                    typeof data51 == 'number' &&
                                                                    !(data51 % 1) &&
                                                                    !isNaN(data51)
                                                                  )) {
                                                                    validate10.errors = [
                                                                      {
                                                                        instancePath:
                                                                          instancePath + '/limits/caches/imagesMB',
                                                                        schemaPath: '#/definitions/count/type',
                                                                        keyword: 'type',
                                                                        params: { type: 'integer' },
                                                                        message: 'must be integer',
                                                                        schema: schema21.type,
                                                                        parentSchema: schema21,
                                                                        data: data51,
                                                                      },
                                                                    ];
                                                                    return false;
                                                                  }
                                                                  if (errors === _errs129) {
                                                                    if (typeof data51 == 'number') {
                                                                      if (data51 < 1 || isNaN(data51)) {
                                                                        validate10.errors = [
                                                                          {
                                                                            instancePath:
                                                                              instancePath + '/limits/caches/imagesMB',
                                                                            schemaPath: '#/definitions/count/minimum',
                                                                            keyword: 'minimum',
                                                                            params: { comparison: '>=', limit: 1 },
                                                                            message: 'must be >= 1',
                                                                            schema: 1,
                                                                            parentSchema: schema21,
                                                                            data: data51,
                                                                          },
                                                                        ];
                                                                        return false;
                                                                      }
                                                                    }
                                                                  }
                                                                  var valid21 = _errs128 === errors;
                                                                } else {
                                                                  var valid21 = true;
                                                                }
                                                                if (valid21) {
                                                                  if (data41.spritesMB !== undefined) {
                                                                    let data52 = data41.spritesMB;
                                                                    const _errs131 = errors;
                                                                    const _errs132 = errors;
                                                                    if (!(
                                                                      typeof data52 == 'number' &&
                                                                      !(data52 % 1) &&
                                                                      !isNaN(data52)
                                                                    )) {
                                                                      validate10.errors = [
                                                                        {
                                                                          instancePath:
                                                                            instancePath + '/limits/caches/spritesMB',
                                                                          schemaPath: '#/definitions/count/type',
                                                                          keyword: 'type',
                                                                          params: { type: 'integer' },
                                                                          message: 'must be integer',
                                                                          schema: schema21.type,
                                                                          parentSchema: schema21,
                                                                          data: data52,
                                                                        },
                                                                      ];
                                                                      return false;
                                                                    }
                                                                    if (errors === _errs132) {
                                                                      if (typeof data52 == 'number') {
                                                                        if (data52 < 1 || isNaN(data52)) {
                                                                          validate10.errors = [
                                                                            {
                                                                              instancePath:
                                                                                instancePath +
                                                                                '/limits/caches/spritesMB',
                                                                              schemaPath: '#/definitions/count/minimum',
                                                                              keyword: 'minimum',
                                                                              params: { comparison: '>=', limit: 1 },
                                                                              message: 'must be >= 1',
                                                                              schema: 1,
                                                                              parentSchema: schema21,
                                                                              data: data52,
                                                                            },
                                                                          ];
                                                                          return false;
                                                                        }
                                                                      }
                                                                    }
                                                                    var valid21 = _errs131 === errors;
                                                                  } else {
                                                                    var valid21 = true;
                                                                  }
                                                                  if (valid21) {
                                                                    if (data41.signedIn !== undefined) {
                                                                      let data53 = data41.signedIn;
                                                                      const _errs134 = errors;
                                                                      const _errs135 = errors;
                                                                      if (!(
                                                                        typeof data53 == 'number' &&
                                                                        !(data53 % 1) &&
                                                                        !isNaN(data53)
                                                                      )) {
                                                                        validate10.errors = [
                                                                          {
                                                                            instancePath:
                                                                              instancePath + '/limits/caches/signedIn',
                                                                            schemaPath: '#/definitions/count/type',
                                                                            keyword: 'type',
                                                                            params: { type: 'integer' },
                                                                            message: 'must be integer',
                                                                            schema: schema21.type,
                                                                            parentSchema: schema21,
                                                                            data: data53,
                                                                          },
                                                                        ];
                                                                        return false;
                                                                      }
                                                                      if (errors === _errs135) {
                                                                        if (typeof data53 == 'number') {
                                                                          if (data53 < 1 || isNaN(data53)) {
                                                                            validate10.errors = [
                                                                              {
                                                                                instancePath:
                                                                                  instancePath +
                                                                                  '/limits/caches/signedIn',
                                                                                schemaPath:
                                                                                  '#/definitions/count/minimum',
                                                                                keyword: 'minimum',
                                                                                params: { comparison: '>=', limit: 1 },
                                                                                message: 'must be >= 1',
                                                                                schema: 1,
                                                                                parentSchema: schema21,
                                                                                data: data53,
                                                                              },
                                                                            ];
                                                                            return false;
                                                                          }
                                                                        }
                                                                      }
                                                                      var valid21 = _errs134 === errors;
                                                                    } else {
                                                                      var valid21 = true;
                                                                    }
                                                                    if (valid21) {
                                                                      if (data41.signInFailures !== undefined) {
                                                                        let data54 = data41.signInFailures;
                                                                        const _errs137 = errors;
                                                                        const _errs138 = errors;
                                                                        if (!(
                                                                          typeof data54 == 'number' &&
                                                                          !(data54 % 1) &&
                                                                          !isNaN(data54)
                                                                        )) {
                                                                          validate10.errors = [
                                                                            {
                                                                              instancePath:
                                                                                instancePath +
                                                                                '/limits/caches/signInFailures',
                                                                              schemaPath: '#/definitions/count/type',
                                                                              keyword: 'type',
                                                                              params: { type: 'integer' },
                                                                              message: 'must be integer',
                                                                              schema: schema21.type,
                                                                              parentSchema: schema21,
                                                                              data: data54,
                                                                            },
                                                                          ];
                                                                          return false;
                                                                        }
                                                                        if (errors === _errs138) {
                                                                          if (typeof data54 == 'number') {
                                                                            if (data54 < 1 || isNaN(data54)) {
                                                                              validate10.errors = [
                                                                                {
                                                                                  instancePath:
                                                                                    instancePath +
                                                                                    '/limits/caches/signInFailures',
                                                                                  schemaPath:
                                                                                    '#/definitions/count/minimum',
                                                                                  keyword: 'minimum',
                                                                                  params: {
                                                                                    comparison: '>=',
                                                                                    limit: 1,
                                                                                  },
                                                                                  message: 'must be >= 1',
                                                                                  schema: 1,
                                                                                  parentSchema: schema21,
                                                                                  data: data54,
                                                                                },
                                                                              ];
                                                                              return false;
                                                                            }
                                                                          }
                                                                        }
                                                                        var valid21 = _errs137 === errors;
                                                                      } else {
                                                                        var valid21 = true;
                                                                      }
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate10.errors = [
                                              {
                                                instancePath: instancePath + '/limits/caches',
                                                schemaPath: '#/properties/limits/properties/caches/type',
                                                keyword: 'type',
                                                params: { type: 'object' },
                                                message: 'must be object',
                                                schema: schema11.properties.limits.properties.caches.type,
                                                parentSchema: schema11.properties.limits.properties.caches,
                                                data: data41,
                                              },
                                            ];
                                            return false;
                                          }
                                        }
                                        var valid16 = _errs98 === errors;
                                      } else {
                                        var valid16 = true;
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      } else {
                        validate10.errors = [
                          {
                            instancePath: instancePath + '/limits',
                            schemaPath: '#/properties/limits/type',
                            keyword: 'type',
                            params: { type: 'object' },
                            message: 'must be object',
                            schema: schema11.properties.limits.type,
                            parentSchema: schema11.properties.limits,
                            data: data34,
                          },
                        ];
                        return false;
                      }
                    }
                    var valid0 = _errs79 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate10.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema11.type,
          parentSchema: schema11,
          data,
        },
      ];
      return false;
    }
  }
  validate10.errors = vErrors;
  return errors === 0;
}
