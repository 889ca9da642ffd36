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
    map: {
      type: 'object',
      additionalProperties: false,
      properties: {
        basemaps: {
          description:
            "Base maps of /map besides the city's boundaries (drawn by the node, offline, the default): XYZ or WMTS (WebMercatorQuad, a REST address with {TileMatrix}/{TileRow}/{TileCol}) tiles the browser fetches itself.",
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title', 'type', 'url'],
            properties: {
              id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
              title: { $ref: '#/definitions/localized' },
              type: { type: 'string', enum: ['xyz', 'wmts'] },
              url: { type: 'string', pattern: '^https?://' },
              attribution: { type: 'string' },
              tileSize: { type: 'integer', enum: [256, 512] },
              maxzoom: { type: 'integer', minimum: 0, maximum: 24 },
            },
          },
        },
      },
    },
    notifications: {
      type: 'object',
      additionalProperties: false,
      properties: { smtp: { type: 'string', pattern: '^$|^smtps?://\\S+$' }, from: { $ref: '#/definitions/text' } },
    },
    versions: {
      type: 'object',
      additionalProperties: false,
      properties: { keep: { type: 'integer', minimum: 1, maximum: 1000 } },
    },
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
const schema22 = { type: 'integer', minimum: 1 };
const func2 = Object.prototype.hasOwnProperty;
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
const pattern4 = new RegExp('^[a-z0-9][a-z0-9_-]*$', 'u');
const pattern6 = new RegExp('^$|^smtps?://\\S+$', 'u');

function validate10(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="https://simpul.tangerangkota.go.id/schema/simpul.schema.json" */ let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      const _errs1 = errors;
      for (const key0 in data) {
        if (!func2.call(schema11.properties, key0)) {
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
                  if (data.map !== undefined) {
                    let data34 = data.map;
                    const _errs79 = errors;
                    if (errors === _errs79) {
                      if (data34 && typeof data34 == 'object' && !Array.isArray(data34)) {
                        const _errs81 = errors;
                        for (const key6 in data34) {
                          if (!(key6 === 'basemaps')) {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/map',
                                schemaPath: '#/properties/map/additionalProperties',
                                keyword: 'additionalProperties',
                                params: { additionalProperty: key6 },
                                message: 'must NOT have additional properties',
                                schema: false,
                                parentSchema: schema11.properties.map,
                                data: data34,
                              },
                            ];
                            return false;
                            break;
                          }
                        }
                        if (_errs81 === errors) {
                          if (data34.basemaps !== undefined) {
                            let data35 = data34.basemaps;
                            const _errs82 = errors;
                            if (errors === _errs82) {
                              if (Array.isArray(data35)) {
                                var valid17 = true;
                                const len3 = data35.length;
                                for (let i3 = 0; i3 < len3; i3++) {
                                  let data36 = data35[i3];
                                  const _errs84 = errors;
                                  if (errors === _errs84) {
                                    if (data36 && typeof data36 == 'object' && !Array.isArray(data36)) {
                                      let missing0;
                                      if (
                                        (data36.id === undefined && (missing0 = 'id')) ||
                                        (data36.title === undefined && (missing0 = 'title')) ||
                                        (data36.type === undefined && (missing0 = 'type')) ||
                                        (data36.url === undefined && (missing0 = 'url'))
                                      ) {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/map/basemaps/' + i3,
                                            schemaPath: '#/properties/map/properties/basemaps/items/required',
                                            keyword: 'required',
                                            params: { missingProperty: missing0 },
                                            message: "must have required property '" + missing0 + "'",
                                            schema: schema11.properties.map.properties.basemaps.items.required,
                                            parentSchema: schema11.properties.map.properties.basemaps.items,
                                            data: data36,
                                          },
                                        ];
                                        return false;
                                      } else {
                                        const _errs86 = errors;
                                        for (const key7 in data36) {
                                          if (!(
                                            key7 === 'id' ||
                                            key7 === 'title' ||
                                            key7 === 'type' ||
                                            key7 === 'url' ||
                                            key7 === 'attribution' ||
                                            key7 === 'tileSize' ||
                                            key7 === 'maxzoom'
                                          )) {
                                            validate10.errors = [
                                              {
                                                instancePath: instancePath + '/map/basemaps/' + i3,
                                                schemaPath:
                                                  '#/properties/map/properties/basemaps/items/additionalProperties',
                                                keyword: 'additionalProperties',
                                                params: { additionalProperty: key7 },
                                                message: 'must NOT have additional properties',
                                                schema: false,
                                                parentSchema: schema11.properties.map.properties.basemaps.items,
                                                data: data36,
                                              },
                                            ];
                                            return false;
                                            break;
                                          }
                                        }
                                        if (_errs86 === errors) {
                                          if (data36.id !== undefined) {
                                            let data37 = data36.id;
                                            const _errs87 = errors;
                                            if (errors === _errs87) {
                                              if (typeof data37 === 'string') {
                                                if (!pattern4.test(data37)) {
                                                  validate10.errors = [
                                                    {
                                                      instancePath: instancePath + '/map/basemaps/' + i3 + '/id',
                                                      schemaPath:
                                                        '#/properties/map/properties/basemaps/items/properties/id/pattern',
                                                      keyword: 'pattern',
                                                      params: { pattern: '^[a-z0-9][a-z0-9_-]*$' },
                                                      message: 'must match pattern "' + '^[a-z0-9][a-z0-9_-]*$' + '"',
                                                      schema: '^[a-z0-9][a-z0-9_-]*$',
                                                      parentSchema:
                                                        schema11.properties.map.properties.basemaps.items.properties.id,
                                                      data: data37,
                                                    },
                                                  ];
                                                  return false;
                                                }
                                              } else {
                                                validate10.errors = [
                                                  {
                                                    instancePath: instancePath + '/map/basemaps/' + i3 + '/id',
                                                    schemaPath:
                                                      '#/properties/map/properties/basemaps/items/properties/id/type',
                                                    keyword: 'type',
                                                    params: { type: 'string' },
                                                    message: 'must be string',
                                                    schema:
                                                      schema11.properties.map.properties.basemaps.items.properties.id
                                                        .type,
                                                    parentSchema:
                                                      schema11.properties.map.properties.basemaps.items.properties.id,
                                                    data: data37,
                                                  },
                                                ];
                                                return false;
                                              }
                                            }
                                            var valid18 = _errs87 === errors;
                                          } else {
                                            var valid18 = true;
                                          }
                                          if (valid18) {
                                            if (data36.title !== undefined) {
                                              const _errs89 = errors;
                                              if (
                                                !validate11(data36.title, {
                                                  instancePath: instancePath + '/map/basemaps/' + i3 + '/title',
                                                  parentData: data36,
                                                  parentDataProperty: 'title',
                                                  rootData,
                                                })
                                              ) {
                                                vErrors =
                                                  vErrors === null
                                                    ? validate11.errors
                                                    : vErrors.concat(validate11.errors);
                                                errors = vErrors.length;
                                              }
                                              var valid18 = _errs89 === errors;
                                            } else {
                                              var valid18 = true;
                                            }
                                            if (valid18) {
                                              if (data36.type !== undefined) {
                                                let data39 = data36.type;
                                                const _errs90 = errors;
                                                if (typeof data39 !== 'string') {
                                                  validate10.errors = [
                                                    {
                                                      instancePath: instancePath + '/map/basemaps/' + i3 + '/type',
                                                      schemaPath:
                                                        '#/properties/map/properties/basemaps/items/properties/type/type',
                                                      keyword: 'type',
                                                      params: { type: 'string' },
                                                      message: 'must be string',
                                                      schema:
                                                        schema11.properties.map.properties.basemaps.items.properties
                                                          .type.type,
                                                      parentSchema:
                                                        schema11.properties.map.properties.basemaps.items.properties
                                                          .type,
                                                      data: data39,
                                                    },
                                                  ];
                                                  return false;
                                                }
                                                if (!(data39 === 'xyz' || data39 === 'wmts')) {
                                                  validate10.errors = [
                                                    {
                                                      instancePath: instancePath + '/map/basemaps/' + i3 + '/type',
                                                      schemaPath:
                                                        '#/properties/map/properties/basemaps/items/properties/type/enum',
                                                      keyword: 'enum',
                                                      params: {
                                                        allowedValues:
                                                          schema11.properties.map.properties.basemaps.items.properties
                                                            .type.enum,
                                                      },
                                                      message: 'must be equal to one of the allowed values',
                                                      schema:
                                                        schema11.properties.map.properties.basemaps.items.properties
                                                          .type.enum,
                                                      parentSchema:
                                                        schema11.properties.map.properties.basemaps.items.properties
                                                          .type,
                                                      data: data39,
                                                    },
                                                  ];
                                                  return false;
                                                }
                                                var valid18 = _errs90 === errors;
                                              } else {
                                                var valid18 = true;
                                              }
                                              if (valid18) {
                                                if (data36.url !== undefined) {
                                                  let data40 = data36.url;
                                                  const _errs92 = errors;
                                                  if (errors === _errs92) {
                                                    if (typeof data40 === 'string') {
                                                      if (!pattern0.test(data40)) {
                                                        validate10.errors = [
                                                          {
                                                            instancePath: instancePath + '/map/basemaps/' + i3 + '/url',
                                                            schemaPath:
                                                              '#/properties/map/properties/basemaps/items/properties/url/pattern',
                                                            keyword: 'pattern',
                                                            params: { pattern: '^https?://' },
                                                            message: 'must match pattern "' + '^https?://' + '"',
                                                            schema: '^https?://',
                                                            parentSchema:
                                                              schema11.properties.map.properties.basemaps.items
                                                                .properties.url,
                                                            data: data40,
                                                          },
                                                        ];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate10.errors = [
                                                        {
                                                          instancePath: instancePath + '/map/basemaps/' + i3 + '/url',
                                                          schemaPath:
                                                            '#/properties/map/properties/basemaps/items/properties/url/type',
                                                          keyword: 'type',
                                                          params: { type: 'string' },
                                                          message: 'must be string',
                                                          schema:
                                                            schema11.properties.map.properties.basemaps.items.properties
                                                              .url.type,
                                                          parentSchema:
                                                            schema11.properties.map.properties.basemaps.items.properties
                                                              .url,
                                                          data: data40,
                                                        },
                                                      ];
                                                      return false;
                                                    }
                                                  }
                                                  var valid18 = _errs92 === errors;
                                                } else {
                                                  var valid18 = true;
                                                }
                                                if (valid18) {
                                                  if (data36.attribution !== undefined) {
                                                    let data41 = data36.attribution;
                                                    const _errs94 = errors;
                                                    if (typeof data41 !== 'string') {
                                                      validate10.errors = [
                                                        {
                                                          instancePath:
                                                            instancePath + '/map/basemaps/' + i3 + '/attribution',
                                                          schemaPath:
                                                            '#/properties/map/properties/basemaps/items/properties/attribution/type',
                                                          keyword: 'type',
                                                          params: { type: 'string' },
                                                          message: 'must be string',
                                                          schema:
                                                            schema11.properties.map.properties.basemaps.items.properties
                                                              .attribution.type,
                                                          parentSchema:
                                                            schema11.properties.map.properties.basemaps.items.properties
                                                              .attribution,
                                                          data: data41,
                                                        },
                                                      ];
                                                      return false;
                                                    }
                                                    var valid18 = _errs94 === errors;
                                                  } else {
                                                    var valid18 = true;
                                                  }
                                                  if (valid18) {
                                                    if (data36.tileSize !== undefined) {
                                                      let data42 = data36.tileSize;
                                                      const _errs96 = errors;
                                                      if (!(
                                                        typeof data42 == 'number' &&
                                                        !(data42 % 1) &&
                                                        !isNaN(data42)
                                                      )) {
                                                        validate10.errors = [
                                                          {
                                                            instancePath:
                                                              instancePath + '/map/basemaps/' + i3 + '/tileSize',
                                                            schemaPath:
                                                              '#/properties/map/properties/basemaps/items/properties/tileSize/type',
                                                            keyword: 'type',
                                                            params: { type: 'integer' },
                                                            message: 'must be integer',
                                                            schema:
                                                              schema11.properties.map.properties.basemaps.items
                                                                .properties.tileSize.type,
                                                            parentSchema:
                                                              schema11.properties.map.properties.basemaps.items
                                                                .properties.tileSize,
                                                            data: data42,
                                                          },
                                                        ];
                                                        return false;
                                                      }
                                                      if (!(data42 === 256 || data42 === 512)) {
                                                        validate10.errors = [
                                                          {
                                                            instancePath:
                                                              instancePath + '/map/basemaps/' + i3 + '/tileSize',
                                                            schemaPath:
                                                              '#/properties/map/properties/basemaps/items/properties/tileSize/enum',
                                                            keyword: 'enum',
                                                            params: {
                                                              allowedValues:
                                                                schema11.properties.map.properties.basemaps.items
                                                                  .properties.tileSize.enum,
                                                            },
                                                            message: 'must be equal to one of the allowed values',
                                                            schema:
                                                              schema11.properties.map.properties.basemaps.items
                                                                .properties.tileSize.enum,
                                                            parentSchema:
                                                              schema11.properties.map.properties.basemaps.items
                                                                .properties.tileSize,
                                                            data: data42,
                                                          },
                                                        ];
                                                        return false;
                                                      }
                                                      var valid18 = _errs96 === errors;
                                                    } else {
                                                      var valid18 = true;
                                                    }
                                                    if (valid18) {
                                                      if (data36.maxzoom !== undefined) {
                                                        let data43 = data36.maxzoom;
                                                        const _errs98 = errors;
                                                        if (!(
                                                          typeof data43 == 'number' &&
                                                          !(data43 % 1) &&
                                                          !isNaN(data43)
                                                        )) {
                                                          validate10.errors = [
                                                            {
                                                              instancePath:
                                                                instancePath + '/map/basemaps/' + i3 + '/maxzoom',
                                                              schemaPath:
                                                                '#/properties/map/properties/basemaps/items/properties/maxzoom/type',
                                                              keyword: 'type',
                                                              params: { type: 'integer' },
                                                              message: 'must be integer',
                                                              schema:
                                                                schema11.properties.map.properties.basemaps.items
                                                                  .properties.maxzoom.type,
                                                              parentSchema:
                                                                schema11.properties.map.properties.basemaps.items
                                                                  .properties.maxzoom,
                                                              data: data43,
                                                            },
                                                          ];
                                                          return false;
                                                        }
                                                        if (errors === _errs98) {
                                                          if (typeof data43 == 'number') {
                                                            if (data43 > 24 || isNaN(data43)) {
                                                              validate10.errors = [
                                                                {
                                                                  instancePath:
                                                                    instancePath + '/map/basemaps/' + i3 + '/maxzoom',
                                                                  schemaPath:
                                                                    '#/properties/map/properties/basemaps/items/properties/maxzoom/maximum',
                                                                  keyword: 'maximum',
                                                                  params: { comparison: '<=', limit: 24 },
                                                                  message: 'must be <= 24',
                                                                  schema: 24,
                                                                  parentSchema:
                                                                    schema11.properties.map.properties.basemaps.items
                                                                      .properties.maxzoom,
                                                                  data: data43,
                                                                },
                                                              ];
                                                              return false;
                                                            } else {
                                                              if (data43 < 0 || isNaN(data43)) {
                                                                validate10.errors = [
                                                                  {
                                                                    instancePath:
                                                                      instancePath + '/map/basemaps/' + i3 + '/maxzoom',
                                                                    schemaPath:
                                                                      '#/properties/map/properties/basemaps/items/properties/maxzoom/minimum',
                                                                    keyword: 'minimum',
                                                                    params: { comparison: '>=', limit: 0 },
                                                                    message: 'must be >= 0',
                                                                    schema: 0,
                                                                    parentSchema:
                                                                      schema11.properties.map.properties.basemaps.items
                                                                        .properties.maxzoom,
                                                                    data: data43,
                                                                  },
                                                                ];
                                                                return false;
                                                              }
                                                            }
                                                          }
                                                        }
                                                        var valid18 = _errs98 === errors;
                                                      } else {
                                                        var valid18 = true;
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
                                          instancePath: instancePath + '/map/basemaps/' + i3,
                                          schemaPath: '#/properties/map/properties/basemaps/items/type',
                                          keyword: 'type',
                                          params: { type: 'object' },
                                          message: 'must be object',
                                          schema: schema11.properties.map.properties.basemaps.items.type,
                                          parentSchema: schema11.properties.map.properties.basemaps.items,
                                          data: data36,
                                        },
                                      ];
                                      return false;
                                    }
                                  }
                                  var valid17 = _errs84 === errors;
                                  if (!valid17) {
                                    break;
                                  }
                                }
                              } else {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/map/basemaps',
                                    schemaPath: '#/properties/map/properties/basemaps/type',
                                    keyword: 'type',
                                    params: { type: 'array' },
                                    message: 'must be array',
                                    schema: schema11.properties.map.properties.basemaps.type,
                                    parentSchema: schema11.properties.map.properties.basemaps,
                                    data: data35,
                                  },
                                ];
                                return false;
                              }
                            }
                          }
                        }
                      } else {
                        validate10.errors = [
                          {
                            instancePath: instancePath + '/map',
                            schemaPath: '#/properties/map/type',
                            keyword: 'type',
                            params: { type: 'object' },
                            message: 'must be object',
                            schema: schema11.properties.map.type,
                            parentSchema: schema11.properties.map,
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
                  if (valid0) {
                    if (data.notifications !== undefined) {
                      let data44 = data.notifications;
                      const _errs100 = errors;
                      if (errors === _errs100) {
                        if (data44 && typeof data44 == 'object' && !Array.isArray(data44)) {
                          const _errs102 = errors;
                          for (const key8 in data44) {
                            if (!(key8 === 'smtp' || key8 === 'from')) {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/notifications',
                                  schemaPath: '#/properties/notifications/additionalProperties',
                                  keyword: 'additionalProperties',
                                  params: { additionalProperty: key8 },
                                  message: 'must NOT have additional properties',
                                  schema: false,
                                  parentSchema: schema11.properties.notifications,
                                  data: data44,
                                },
                              ];
                              return false;
                              break;
                            }
                          }
                          if (_errs102 === errors) {
                            if (data44.smtp !== undefined) {
                              let data45 = data44.smtp;
                              const _errs103 = errors;
                              if (errors === _errs103) {
                                if (typeof data45 === 'string') {
                                  if (!pattern6.test(data45)) {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/notifications/smtp',
                                        schemaPath: '#/properties/notifications/properties/smtp/pattern',
                                        keyword: 'pattern',
                                        params: { pattern: '^$|^smtps?://\\S+$' },
                                        message: 'must match pattern "' + '^$|^smtps?://\\S+$' + '"',
                                        schema: '^$|^smtps?://\\S+$',
                                        parentSchema: schema11.properties.notifications.properties.smtp,
                                        data: data45,
                                      },
                                    ];
                                    return false;
                                  }
                                } else {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/notifications/smtp',
                                      schemaPath: '#/properties/notifications/properties/smtp/type',
                                      keyword: 'type',
                                      params: { type: 'string' },
                                      message: 'must be string',
                                      schema: schema11.properties.notifications.properties.smtp.type,
                                      parentSchema: schema11.properties.notifications.properties.smtp,
                                      data: data45,
                                    },
                                  ];
                                  return false;
                                }
                              }
                              var valid19 = _errs103 === errors;
                            } else {
                              var valid19 = true;
                            }
                            if (valid19) {
                              if (data44.from !== undefined) {
                                let data46 = data44.from;
                                const _errs105 = errors;
                                const _errs106 = errors;
                                if (errors === _errs106) {
                                  if (typeof data46 === 'string') {
                                    if (data46.length < 1) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/notifications/from',
                                          schemaPath: '#/definitions/text/minLength',
                                          keyword: 'minLength',
                                          params: { limit: 1 },
                                          message: 'must NOT have fewer than 1 characters',
                                          schema: 1,
                                          parentSchema: schema13,
                                          data: data46,
                                        },
                                      ];
                                      return false;
                                    }
                                  } else {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/notifications/from',
                                        schemaPath: '#/definitions/text/type',
                                        keyword: 'type',
                                        params: { type: 'string' },
                                        message: 'must be string',
                                        schema: schema13.type,
                                        parentSchema: schema13,
                                        data: data46,
                                      },
                                    ];
                                    return false;
                                  }
                                }
                                var valid19 = _errs105 === errors;
                              } else {
                                var valid19 = true;
                              }
                            }
                          }
                        } else {
                          validate10.errors = [
                            {
                              instancePath: instancePath + '/notifications',
                              schemaPath: '#/properties/notifications/type',
                              keyword: 'type',
                              params: { type: 'object' },
                              message: 'must be object',
                              schema: schema11.properties.notifications.type,
                              parentSchema: schema11.properties.notifications,
                              data: data44,
                            },
                          ];
                          return false;
                        }
                      }
                      var valid0 = _errs100 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.versions !== undefined) {
                        let data47 = data.versions;
                        const _errs108 = errors;
                        if (errors === _errs108) {
                          if (data47 && typeof data47 == 'object' && !Array.isArray(data47)) {
                            const _errs110 = errors;
                            for (const key9 in data47) {
                              if (!(key9 === 'keep')) {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/versions',
                                    schemaPath: '#/properties/versions/additionalProperties',
                                    keyword: 'additionalProperties',
                                    params: { additionalProperty: key9 },
                                    message: 'must NOT have additional properties',
                                    schema: false,
                                    parentSchema: schema11.properties.versions,
                                    data: data47,
                                  },
                                ];
                                return false;
                                break;
                              }
                            }
                            if (_errs110 === errors) {
                              if (data47.keep !== undefined) {
                                let data48 = data47.keep;
                                const _errs111 = errors;
                                if (!(typeof data48 == 'number' && !(data48 % 1) && !isNaN(data48))) {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/versions/keep',
                                      schemaPath: '#/properties/versions/properties/keep/type',
                                      keyword: 'type',
                                      params: { type: 'integer' },
                                      message: 'must be integer',
                                      schema: schema11.properties.versions.properties.keep.type,
                                      parentSchema: schema11.properties.versions.properties.keep,
                                      data: data48,
                                    },
                                  ];
                                  return false;
                                }
                                if (errors === _errs111) {
                                  if (typeof data48 == 'number') {
                                    if (data48 > 1000 || isNaN(data48)) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/versions/keep',
                                          schemaPath: '#/properties/versions/properties/keep/maximum',
                                          keyword: 'maximum',
                                          params: { comparison: '<=', limit: 1000 },
                                          message: 'must be <= 1000',
                                          schema: 1000,
                                          parentSchema: schema11.properties.versions.properties.keep,
                                          data: data48,
                                        },
                                      ];
                                      return false;
                                    } else {
                                      if (data48 < 1 || isNaN(data48)) {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/versions/keep',
                                            schemaPath: '#/properties/versions/properties/keep/minimum',
                                            keyword: 'minimum',
                                            params: { comparison: '>=', limit: 1 },
                                            message: 'must be >= 1',
                                            schema: 1,
                                            parentSchema: schema11.properties.versions.properties.keep,
                                            data: data48,
                                          },
                                        ];
                                        return false;
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          } else {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/versions',
                                schemaPath: '#/properties/versions/type',
                                keyword: 'type',
                                params: { type: 'object' },
                                message: 'must be object',
                                schema: schema11.properties.versions.type,
                                parentSchema: schema11.properties.versions,
                                data: data47,
                              },
                            ];
                            return false;
                          }
                        }
                        var valid0 = _errs108 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.limits !== undefined) {
                          let data49 = data.limits;
                          const _errs113 = errors;
                          if (errors === _errs113) {
                            if (data49 && typeof data49 == 'object' && !Array.isArray(data49)) {
                              const _errs115 = errors;
                              for (const key10 in data49) {
                                if (!(
                                  key10 === 'maxImagePixels' ||
                                  key10 === 'maxFeatures' ||
                                  key10 === 'defaultFeatures' ||
                                  key10 === 'maxUploadMB' ||
                                  key10 === 'sessionIdleMinutes' ||
                                  key10 === 'sessionMaxHours' ||
                                  key10 === 'caches'
                                )) {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/limits',
                                      schemaPath: '#/properties/limits/additionalProperties',
                                      keyword: 'additionalProperties',
                                      params: { additionalProperty: key10 },
                                      message: 'must NOT have additional properties',
                                      schema: false,
                                      parentSchema: schema11.properties.limits,
                                      data: data49,
                                    },
                                  ];
                                  return false;
                                  break;
                                }
                              }
                              if (_errs115 === errors) {
                                if (data49.maxImagePixels !== undefined) {
                                  let data50 = data49.maxImagePixels;
                                  const _errs116 = errors;
                                  const _errs117 = errors;
                                  if (!(typeof data50 == 'number' && !(data50 % 1) && !isNaN(data50))) {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/limits/maxImagePixels',
                                        schemaPath: '#/definitions/count/type',
                                        keyword: 'type',
                                        params: { type: 'integer' },
                                        message: 'must be integer',
                                        schema: schema22.type,
                                        parentSchema: schema22,
                                        data: data50,
                                      },
                                    ];
                                    return false;
                                  }
                                  if (errors === _errs117) {
                                    if (typeof data50 == 'number') {
                                      if (data50 < 1 || isNaN(data50)) {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/limits/maxImagePixels',
                                            schemaPath: '#/definitions/count/minimum',
                                            keyword: 'minimum',
                                            params: { comparison: '>=', limit: 1 },
                                            message: 'must be >= 1',
                                            schema: 1,
                                            parentSchema: schema22,
                                            data: data50,
                                          },
                                        ];
                                        return false;
                                      }
                                    }
                                  }
                                  var valid22 = _errs116 === errors;
                                } else {
                                  var valid22 = true;
                                }
                                if (valid22) {
                                  if (data49.maxFeatures !== undefined) {
                                    let data51 = data49.maxFeatures;
                                    const _errs119 = errors;
                                    const _errs120 = errors;
                                    if (!(typeof data51 == 'number' && !(data51 % 1) && !isNaN(data51))) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/limits/maxFeatures',
                                          schemaPath: '#/definitions/count/type',
                                          keyword: 'type',
                                          params: { type: 'integer' },
                                          message: 'must be integer',
                                          schema: schema22.type,
                                          parentSchema: schema22,
                                          data: data51,
                                        },
                                      ];
                                      return false;
                                    }
                                    if (errors === _errs120) {
                                      if (typeof data51 == 'number') {
                                        if (data51 < 1 || isNaN(data51)) {
                                          validate10.errors = [
                                            {
                                              instancePath: instancePath + '/limits/maxFeatures',
                                              schemaPath: '#/definitions/count/minimum',
                                              keyword: 'minimum',
                                              params: { comparison: '>=', limit: 1 },
                                              message: 'must be >= 1',
                                              schema: 1,
                                              parentSchema: schema22,
                                              data: data51,
                                            },
                                          ];
                                          return false;
                                        }
                                      }
                                    }
                                    var valid22 = _errs119 === errors;
                                  } else {
                                    var valid22 = true;
                                  }
                                  if (valid22) {
                                    if (data49.defaultFeatures !== undefined) {
                                      let data52 = data49.defaultFeatures;
                                      const _errs122 = errors;
                                      const _errs123 = errors;
                                      if (!(typeof data52 == 'number' && !(data52 % 1) && !isNaN(data52))) {
                                        validate10.errors = [
                                          {
                                            instancePath: instancePath + '/limits/defaultFeatures',
                                            schemaPath: '#/definitions/count/type',
                                            keyword: 'type',
                                            params: { type: 'integer' },
                                            message: 'must be integer',
                                            schema: schema22.type,
                                            parentSchema: schema22,
                                            data: data52,
                                          },
                                        ];
                                        return false;
                                      }
                                      if (errors === _errs123) {
                                        if (typeof data52 == 'number') {
                                          if (data52 < 1 || isNaN(data52)) {
                                            validate10.errors = [
                                              {
                                                instancePath: instancePath + '/limits/defaultFeatures',
                                                schemaPath: '#/definitions/count/minimum',
                                                keyword: 'minimum',
                                                params: { comparison: '>=', limit: 1 },
                                                message: 'must be >= 1',
                                                schema: 1,
                                                parentSchema: schema22,
                                                data: data52,
                                              },
                                            ];
                                            return false;
                                          }
                                        }
                                      }
                                      var valid22 = _errs122 === errors;
                                    } else {
                                      var valid22 = true;
                                    }
                                    if (valid22) {
                                      if (data49.maxUploadMB !== undefined) {
                                        let data53 = data49.maxUploadMB;
                                        const _errs125 = errors;
                                        const _errs126 = errors;
                                        if (!(typeof data53 == 'number' && !(data53 % 1) && !isNaN(data53))) {
                                          validate10.errors = [
                                            {
                                              instancePath: instancePath + '/limits/maxUploadMB',
                                              schemaPath: '#/definitions/count/type',
                                              keyword: 'type',
                                              params: { type: 'integer' },
                                              message: 'must be integer',
                                              schema: schema22.type,
                                              parentSchema: schema22,
                                              data: data53,
                                            },
                                          ];
                                          return false;
                                        }
                                        if (errors === _errs126) {
                                          if (typeof data53 == 'number') {
                                            if (data53 < 1 || isNaN(data53)) {
                                              validate10.errors = [
                                                {
                                                  instancePath: instancePath + '/limits/maxUploadMB',
                                                  schemaPath: '#/definitions/count/minimum',
                                                  keyword: 'minimum',
                                                  params: { comparison: '>=', limit: 1 },
                                                  message: 'must be >= 1',
                                                  schema: 1,
                                                  parentSchema: schema22,
                                                  data: data53,
                                                },
                                              ];
                                              return false;
                                            }
                                          }
                                        }
                                        var valid22 = _errs125 === errors;
                                      } else {
                                        var valid22 = true;
                                      }
                                      if (valid22) {
                                        if (data49.sessionIdleMinutes !== undefined) {
                                          let data54 = data49.sessionIdleMinutes;
                                          const _errs128 = errors;
                                          if (!(typeof data54 == 'number' && !(data54 % 1) && !isNaN(data54))) {
                                            validate10.errors = [
                                              {
                                                instancePath: instancePath + '/limits/sessionIdleMinutes',
                                                schemaPath: '#/properties/limits/properties/sessionIdleMinutes/type',
                                                keyword: 'type',
                                                params: { type: 'integer' },
                                                message: 'must be integer',
                                                schema: schema11.properties.limits.properties.sessionIdleMinutes.type,
                                                parentSchema: schema11.properties.limits.properties.sessionIdleMinutes,
                                                data: data54,
                                              },
                                            ];
                                            return false;
                                          }
                                          if (errors === _errs128) {
                                            if (typeof data54 == 'number') {
                                              if (data54 > 10080 || isNaN(data54)) {
                                                validate10.errors = [
                                                  {
                                                    instancePath: instancePath + '/limits/sessionIdleMinutes',
                                                    schemaPath:
                                                      '#/properties/limits/properties/sessionIdleMinutes/maximum',
                                                    keyword: 'maximum',
                                                    params: { comparison: '<=', limit: 10080 },
                                                    message: 'must be <= 10080',
                                                    schema: 10080,
                                                    parentSchema:
                                                      schema11.properties.limits.properties.sessionIdleMinutes,
                                                    data: data54,
                                                  },
                                                ];
                                                return false;
                                              } else {
                                                if (data54 < 1 || isNaN(data54)) {
                                                  validate10.errors = [
                                                    {
                                                      instancePath: instancePath + '/limits/sessionIdleMinutes',
                                                      schemaPath:
                                                        '#/properties/limits/properties/sessionIdleMinutes/minimum',
                                                      keyword: 'minimum',
                                                      params: { comparison: '>=', limit: 1 },
                                                      message: 'must be >= 1',
                                                      schema: 1,
                                                      parentSchema:
                                                        schema11.properties.limits.properties.sessionIdleMinutes,
                                                      data: data54,
                                                    },
                                                  ];
                                                  return false;
                                                }
                                              }
                                            }
                                          }
                                          var valid22 = _errs128 === errors;
                                        } else {
                                          var valid22 = true;
                                        }
                                        if (valid22) {
                                          if (data49.sessionMaxHours !== undefined) {
                                            let data55 = data49.sessionMaxHours;
                                            const _errs130 = errors;
                                            if (!(typeof data55 == 'number' && !(data55 % 1) && !isNaN(data55))) {
                                              validate10.errors = [
                                                {
                                                  instancePath: instancePath + '/limits/sessionMaxHours',
                                                  schemaPath: '#/properties/limits/properties/sessionMaxHours/type',
                                                  keyword: 'type',
                                                  params: { type: 'integer' },
                                                  message: 'must be integer',
                                                  schema: schema11.properties.limits.properties.sessionMaxHours.type,
                                                  parentSchema: schema11.properties.limits.properties.sessionMaxHours,
                                                  data: data55,
                                                },
                                              ];
                                              return false;
                                            }
                                            if (errors === _errs130) {
                                              if (typeof data55 == 'number') {
                                                if (data55 > 720 || isNaN(data55)) {
                                                  validate10.errors = [
                                                    {
                                                      instancePath: instancePath + '/limits/sessionMaxHours',
                                                      schemaPath:
                                                        '#/properties/limits/properties/sessionMaxHours/maximum',
                                                      keyword: 'maximum',
                                                      params: { comparison: '<=', limit: 720 },
                                                      message: 'must be <= 720',
                                                      schema: 720,
                                                      parentSchema:
                                                        schema11.properties.limits.properties.sessionMaxHours,
                                                      data: data55,
                                                    },
                                                  ];
                                                  return false;
                                                } else {
                                                  if (data55 < 1 || isNaN(data55)) {
                                                    validate10.errors = [
                                                      {
                                                        instancePath: instancePath + '/limits/sessionMaxHours',
                                                        schemaPath:
                                                          '#/properties/limits/properties/sessionMaxHours/minimum',
                                                        keyword: 'minimum',
                                                        params: { comparison: '>=', limit: 1 },
                                                        message: 'must be >= 1',
                                                        schema: 1,
                                                        parentSchema:
                                                          schema11.properties.limits.properties.sessionMaxHours,
                                                        data: data55,
                                                      },
                                                    ];
                                                    return false;
                                                  }
                                                }
                                              }
                                            }
                                            var valid22 = _errs130 === errors;
                                          } else {
                                            var valid22 = true;
                                          }
                                          if (valid22) {
                                            if (data49.caches !== undefined) {
                                              let data56 = data49.caches;
                                              const _errs132 = errors;
                                              if (errors === _errs132) {
                                                if (data56 && typeof data56 == 'object' && !Array.isArray(data56)) {
                                                  const _errs134 = errors;
                                                  for (const key11 in data56) {
                                                    if (
                                                      !func2.call(
                                                        schema11.properties.limits.properties.caches.properties,
                                                        key11,
                                                      )
                                                    ) {
                                                      validate10.errors = [
                                                        {
                                                          instancePath: instancePath + '/limits/caches',
                                                          schemaPath:
                                                            '#/properties/limits/properties/caches/additionalProperties',
                                                          keyword: 'additionalProperties',
                                                          params: { additionalProperty: key11 },
                                                          message: 'must NOT have additional properties',
                                                          schema: false,
                                                          parentSchema: schema11.properties.limits.properties.caches,
                                                          data: data56,
                                                        },
                                                      ];
                                                      return false;
                                                      break;
                                                    }
                                                  }
                                                  if (_errs134 === errors) {
                                                    if (data56.wmsCapabilities !== undefined) {
                                                      let data57 = data56.wmsCapabilities;
                                                      const _errs135 = errors;
                                                      const _errs136 = errors;
                                                      if (!(
                                                        typeof data57 == 'number' &&
                                                        !(data57 % 1) &&
                                                        !isNaN(data57)
                                                      )) {
                                                        validate10.errors = [
                                                          {
                                                            instancePath:
                                                              instancePath + '/limits/caches/wmsCapabilities',
                                                            schemaPath: '#/definitions/count/type',
                                                            keyword: 'type',
                                                            params: { type: 'integer' },
                                                            message: 'must be integer',
                                                            schema: schema22.type,
                                                            parentSchema: schema22,
                                                            data: data57,
                                                          },
                                                        ];
                                                        return false;
                                                      }
                                                      if (errors === _errs136) {
                                                        if (typeof data57 == 'number') {
                                                          if (data57 < 1 || isNaN(data57)) {
                                                            validate10.errors = [
                                                              {
                                                                instancePath:
                                                                  instancePath + '/limits/caches/wmsCapabilities',
                                                                schemaPath: '#/definitions/count/minimum',
                                                                keyword: 'minimum',
                                                                params: { comparison: '>=', limit: 1 },
                                                                message: 'must be >= 1',
                                                                schema: 1,
                                                                parentSchema: schema22,
                                                                data: data57,
                                                              },
                                                            ];
                                                            return false;
                                                          }
                                                        }
                                                      }
                                                      var valid27 = _errs135 === errors;
                                                    } else {
                                                      var valid27 = true;
                                                    }
                                                    if (valid27) {
                                                      if (data56.wfsCapabilities !== undefined) {
                                                        let data58 = data56.wfsCapabilities;
                                                        const _errs138 = errors;
                                                        const _errs139 = errors;
                                                        if (!(
                                                          typeof data58 == 'number' &&
                                                          !(data58 % 1) &&
                                                          !isNaN(data58)
                                                        )) {
                                                          validate10.errors = [
                                                            {
                                                              instancePath:
                                                                instancePath + '/limits/caches/wfsCapabilities',
                                                              schemaPath: '#/definitions/count/type',
                                                              keyword: 'type',
                                                              params: { type: 'integer' },
                                                              message: 'must be integer',
                                                              schema: schema22.type,
                                                              parentSchema: schema22,
                                                              data: data58,
                                                            },
                                                          ];
                                                          return false;
                                                        }
                                                        if (errors === _errs139) {
                                                          if (typeof data58 == 'number') {
                                                            if (data58 < 1 || isNaN(data58)) {
                                                              validate10.errors = [
                                                                {
                                                                  instancePath:
                                                                    instancePath + '/limits/caches/wfsCapabilities',
                                                                  schemaPath: '#/definitions/count/minimum',
                                                                  keyword: 'minimum',
                                                                  params: { comparison: '>=', limit: 1 },
                                                                  message: 'must be >= 1',
                                                                  schema: 1,
                                                                  parentSchema: schema22,
                                                                  data: data58,
                                                                },
                                                              ];
                                                              return false;
                                                            }
                                                          }
                                                        }
                                                        var valid27 = _errs138 === errors;
                                                      } else {
                                                        var valid27 = true;
                                                      }
                                                      if (valid27) {
                                                        if (data56.wmtsCapabilities !== undefined) {
                                                          let data59 = data56.wmtsCapabilities;
                                                          const _errs141 = errors;
                                                          const _errs142 = errors;
                                                          if (!(
                                                            typeof data59 == 'number' &&
                                                            !(data59 % 1) &&
                                                            !isNaN(data59)
                                                          )) {
                                                            validate10.errors = [
                                                              {
                                                                instancePath:
                                                                  instancePath + '/limits/caches/wmtsCapabilities',
                                                                schemaPath: '#/definitions/count/type',
                                                                keyword: 'type',
                                                                params: { type: 'integer' },
                                                                message: 'must be integer',
                                                                schema: schema22.type,
                                                                parentSchema: schema22,
                                                                data: data59,
                                                              },
                                                            ];
                                                            return false;
                                                          }
                                                          if (errors === _errs142) {
                                                            if (typeof data59 == 'number') {
                                                              if (data59 < 1 || isNaN(data59)) {
                                                                validate10.errors = [
                                                                  {
                                                                    instancePath:
                                                                      instancePath + '/limits/caches/wmtsCapabilities',
                                                                    schemaPath: '#/definitions/count/minimum',
                                                                    keyword: 'minimum',
                                                                    params: { comparison: '>=', limit: 1 },
                                                                    message: 'must be >= 1',
                                                                    schema: 1,
                                                                    parentSchema: schema22,
                                                                    data: data59,
                                                                  },
                                                                ];
                                                                return false;
                                                              }
                                                            }
                                                          }
                                                          var valid27 = _errs141 === errors;
                                                        } else {
                                                          var valid27 = true;
                                                        }
                                                        if (valid27) {
                                                          if (data56.cswCapabilities !== undefined) {
                                                            let data60 = data56.cswCapabilities;
                                                            const _errs144 = errors;
                                                            const _errs145 = errors;
                                                            if (!(
                                                              typeof data60 == 'number' &&
                                                              !(data60 % 1) &&
                                                              !isNaN(data60)
                                                            )) {
                                                              validate10.errors = [
                                                                {
                                                                  instancePath:
                                                                    instancePath + '/limits/caches/cswCapabilities',
                                                                  schemaPath: '#/definitions/count/type',
                                                                  keyword: 'type',
                                                                  params: { type: 'integer' },
                                                                  message: 'must be integer',
                                                                  schema: schema22.type,
                                                                  parentSchema: schema22,
                                                                  data: data60,
                                                                },
                                                              ];
                                                              return false;
                                                            }
                                                            if (errors === _errs145) {
                                                              if (typeof data60 == 'number') {
                                                                if (data60 < 1 || isNaN(data60)) {
                                                                  validate10.errors = [
                                                                    {
                                                                      instancePath:
                                                                        instancePath + '/limits/caches/cswCapabilities',
                                                                      schemaPath: '#/definitions/count/minimum',
                                                                      keyword: 'minimum',
                                                                      params: { comparison: '>=', limit: 1 },
                                                                      message: 'must be >= 1',
                                                                      schema: 1,
                                                                      parentSchema: schema22,
                                                                      data: data60,
                                                                    },
                                                                  ];
                                                                  return false;
                                                                }
                                                              }
                                                            }
                                                            var valid27 = _errs144 === errors;
                                                          } else {
                                                            var valid27 = true;
                                                          }
                                                          if (valid27) {
                                                            if (data56.ogcapiCollections !== undefined) {
                                                              let data61 = data56.ogcapiCollections;
                                                              const _errs147 = errors;
                                                              const _errs148 = errors;
                                                              if (!(
                                                                typeof data61 == 'number' &&
                                                                !(data61 % 1) &&
                                                                !isNaN(data61)
                                                              )) {
                                                                validate10.errors = [
                                                                  {
                                                                    instancePath:
                                                                      instancePath + '/limits/caches/ogcapiCollections',
                                                                    schemaPath: '#/definitions/count/type',
                                                                    keyword: 'type',
                                                                    params: { type: 'integer' },
                                                                    message: 'must be integer',
                                                                    schema: schema22.type,
                                                                    parentSchema: schema22,
                                                                    data: data61,
                                                                  },
                                                                ];
                                                                return false;
                                                              }
                                                              if (errors === _errs148) {
                                                                if (typeof data61 == 'number') {
                                                                  if (data61 < 1 || isNaN(data61)) {
                                                                    validate10.errors = [
                                                                      {
                                                                        instancePath:
                                                                          instancePath +
                                                                          '/limits/caches/ogcapiCollections',
                                                                        schemaPath: '#/definitions/count/minimum',
                                                                        keyword: 'minimum',
                                                                        params: { comparison: '>=', limit: 1 },
                                                                        message: 'must be >= 1',
                                                                        schema: 1,
                                                                        parentSchema: schema22,
                                                                        data: data61,
                                                                      },
                                                                    ];
                                                                    return false;
                                                                  }
                                                                }
                                                              }
                                                              var valid27 = _errs147 === errors;
                                                            } else {
                                                              var valid27 = true;
                                                            }
                                                            if (valid27) {
                                                              if (data56.records !== undefined) {
                                                                let data62 = data56.records;
                                                                const _errs150 = errors;
                                                                const _errs151 = errors;
                                                                if (!(
                                                                  typeof data62 == 'number' &&
                                                                  !(data62 % 1) &&
                                                                  !isNaN(data62)
                                                                )) {
                                                                  validate10.errors = [
                                                                    {
                                                                      instancePath:
                                                                        instancePath + '/limits/caches/records',
                                                                      schemaPath: '#/definitions/count/type',
                                                                      keyword: 'type',
                                                                      params: { type: 'integer' },
                                                                      message: 'must be integer',
                                                                      schema: schema22.type,
                                                                      parentSchema: schema22,
                                                                      data: data62,
                                                                    },
                                                                  ];
                                                                  return false;
                                                                }
                                                                if (errors === _errs151) {
                                                                  if (typeof data62 == 'number') {
                                                                    if (data62 < 1 || isNaN(data62)) {
                                                                      validate10.errors = [
                                                                        {
                                                                          instancePath:
                                                                            instancePath + '/limits/caches/records',
                                                                          schemaPath: '#/definitions/count/minimum',
                                                                          keyword: 'minimum',
                                                                          params: { comparison: '>=', limit: 1 },
                                                                          message: 'must be >= 1',
                                                                          schema: 1,
                                                                          parentSchema: schema22,
                                                                          data: data62,
                                                                        },
                                                                      ];
                                                                      return false;
                                                                    }
                                                                  }
                                                                }
                                                                var valid27 = _errs150 === errors;
                                                              } else {
                                                                var valid27 = true;
                                                              }
                                                              if (valid27) {
                                                                if (data56.tilesMB !== undefined) {
                                                                  let data63 = data56.tilesMB;
                                                                  const _errs153 = errors;
                                                                  const _errs154 = errors;
                                                                  if (!(
                                                                    typeof data63 == 'number' &&
                                                                    !(data63 % 1) &&
                                                                    !isNaN(data63)
                                                                  )) {
                                                                    validate10.errors = [
                                                                      {
                                                                        instancePath:
                                                                          instancePath + '/limits/caches/tilesMB',
                                                                        schemaPath: '#/definitions/count/type',
                                                                        keyword: 'type',
                                                                        params: { type: 'integer' },
                                                                        message: 'must be integer',
                                                                        schema: schema22.type,
                                                                        parentSchema: schema22,
                                                                        data: data63,
                                                                      },
                                                                    ];
                                                                    return false;
                                                                  }
                                                                  if (errors === _errs154) {
                                                                    if (typeof data63 == 'number') {
                                                                      if (data63 < 1 || isNaN(data63)) {
                                                                        validate10.errors = [
                                                                          {
                                                                            instancePath:
                                                                              instancePath + '/limits/caches/tilesMB',
                                                                            schemaPath: '#/definitions/count/minimum',
                                                                            keyword: 'minimum',
                                                                            params: { comparison: '>=', limit: 1 },
                                                                            message: 'must be >= 1',
                                                                            schema: 1,
                                                                            parentSchema: schema22,
                                                                            data: data63,
                                                                          },
                                                                        ];
                                                                        return false;
                                                                      }
                                                                    }
                                                                  }
                                                                  var valid27 = _errs153 === errors;
                                                                } else {
                                                                  var valid27 = true;
                                                                }
                                                                if (valid27) {
                                                                  if (data56.styles !== undefined) {
                                                                    let data64 = data56.styles;
                                                                    const _errs156 = errors;
                                                                    const _errs157 = errors;
                                                                    if (!(
                                                                      typeof data64 == 'number' &&
                                                                      !(data64 % 1) &&
                                                                      !isNaN(data64)
                                                                    )) {
                                                                      validate10.errors = [
                                                                        {
                                                                          instancePath:
                                                                            instancePath + '/limits/caches/styles',
                                                                          schemaPath: '#/definitions/count/type',
                                                                          keyword: 'type',
                                                                          params: { type: 'integer' },
                                                                          message: 'must be integer',
                                                                          schema: schema22.type,
                                                                          parentSchema: schema22,
                                                                          data: data64,
                                                                        },
                                                                      ];
                                                                      return false;
                                                                    }
                                                                    if (errors === _errs157) {
                                                                      if (typeof data64 == 'number') {
                                                                        if (data64 < 1 || isNaN(data64)) {
                                                                          validate10.errors = [
                                                                            {
                                                                              instancePath:
                                                                                instancePath + '/limits/caches/styles',
                                                                              schemaPath: '#/definitions/count/minimum',
                                                                              keyword: 'minimum',
                                                                              params: { comparison: '>=', limit: 1 },
                                                                              message: 'must be >= 1',
                                                                              schema: 1,
                                                                              parentSchema: schema22,
                                                                              data: data64,
                                                                            },
                                                                          ];
                                                                          return false;
                                                                        }
                                                                      }
                                                                    }
                                                                    var valid27 = _errs156 === errors;
                                                                  } else {
                                                                    var valid27 = true;
                                                                  }
                                                                  if (valid27) {
                                                                    if (data56.storedStyles !== undefined) {
                                                                      let data65 = data56.storedStyles;
                                                                      const _errs159 = errors;
                                                                      const _errs160 = errors;
                                                                      if (!(
                                                                        typeof data65 == 'number' &&
                                                                        !(data65 % 1) &&
                                                                        !isNaN(data65)
                                                                      )) {
                                                                        validate10.errors = [
                                                                          {
                                                                            instancePath:
                                                                              instancePath +
                                                                              '/limits/caches/storedStyles',
                                                                            schemaPath: '#/definitions/count/type',
                                                                            keyword: 'type',
                                                                            params: { type: 'integer' },
                                                                            message: 'must be integer',
                                                                            schema: schema22.type,
                                                                            parentSchema: schema22,
                                                                            data: data65,
                                                                          },
                                                                        ];
                                                                        return false;
                                                                      }
                                                                      if (errors === _errs160) {
                                                                        if (typeof data65 == 'number') {
                                                                          if (data65 < 1 || isNaN(data65)) {
                                                                            validate10.errors = [
                                                                              {
                                                                                instancePath:
                                                                                  instancePath +
                                                                                  '/limits/caches/storedStyles',
                                                                                schemaPath:
                                                                                  '#/definitions/count/minimum',
                                                                                keyword: 'minimum',
                                                                                params: { comparison: '>=', limit: 1 },
                                                                                message: 'must be >= 1',
                                                                                schema: 1,
                                                                                parentSchema: schema22,
                                                                                data: data65,
                                                                              },
                                                                            ];
                                                                            return false;
                                                                          }
                                                                        }
                                                                      }
                                                                      var valid27 = _errs159 === errors;
                                                                    } else {
                                                                      var valid27 = true;
                                                                    }
                                                                    if (valid27) {
                                                                      if (data56.imagesMB !== undefined) {
                                                                        let data66 = data56.imagesMB;
                                                                        const _errs162 = errors;
                                                                        const _errs163 = errors;
                                                                        if (!(
                                                                          typeof data66 == 'number' &&
                                                                          !(data66 % 1) &&
                                                                          !isNaN(data66)
                                                                        )) {
                                                                          validate10.errors = [
                                                                            {
                                                                              instancePath:
                                                                                instancePath +
                                                                                '/limits/caches/imagesMB',
                                                                              schemaPath: '#/definitions/count/type',
                                                                              keyword: 'type',
                                                                              params: { type: 'integer' },
                                                                              message: 'must be integer',
                                                                              schema: schema22.type,
                                                                              parentSchema: schema22,
                                                                              data: data66,
                                                                            },
                                                                          ];
                                                                          return false;
                                                                        }
                                                                        if (errors === _errs163) {
                                                                          if (typeof data66 == 'number') {
                                                                            if (data66 < 1 || isNaN(data66)) {
                                                                              validate10.errors = [
                                                                                {
                                                                                  instancePath:
                                                                                    instancePath +
                                                                                    '/limits/caches/imagesMB',
                                                                                  schemaPath:
                                                                                    '#/definitions/count/minimum',
                                                                                  keyword: 'minimum',
                                                                                  params: {
                                                                                    comparison: '>=',
                                                                                    limit: 1,
                                                                                  },
                                                                                  message: 'must be >= 1',
                                                                                  schema: 1,
                                                                                  parentSchema: schema22,
                                                                                  data: data66,
                                                                                },
                                                                              ];
                                                                              return false;
                                                                            }
                                                                          }
                                                                        }
                                                                        var valid27 = _errs162 === errors;
                                                                      } else {
                                                                        var valid27 = true;
                                                                      }
                                                                      if (valid27) {
                                                                        if (data56.spritesMB !== undefined) {
                                                                          let data67 = data56.spritesMB;
                                                                          const _errs165 = errors;
                                                                          const _errs166 = errors;
                                                                          if (!(
                                                                            typeof data67 == 'number' &&
                                                                            !(data67 % 1) &&
                                                                            !isNaN(data67)
                                                                          )) {
                                                                            validate10.errors = [
                                                                              {
                                                                                instancePath:
                                                                                  instancePath +
                                                                                  '/limits/caches/spritesMB',
                                                                                schemaPath: '#/definitions/count/type',
                                                                                keyword: 'type',
                                                                                params: { type: 'integer' },
                                                                                message: 'must be integer',
                                                                                schema: schema22.type,
                                                                                parentSchema: schema22,
                                                                                data: data67,
                                                                              },
                                                                            ];
                                                                            return false;
                                                                          }
                                                                          if (errors === _errs166) {
                                                                            if (typeof data67 == 'number') {
                                                                              if (data67 < 1 || isNaN(data67)) {
                                                                                validate10.errors = [
                                                                                  {
                                                                                    instancePath:
                                                                                      instancePath +
                                                                                      '/limits/caches/spritesMB',
                                                                                    schemaPath:
                                                                                      '#/definitions/count/minimum',
                                                                                    keyword: 'minimum',
                                                                                    params: {
                                                                                      comparison: '>=',
                                                                                      limit: 1,
                                                                                    },
                                                                                    message: 'must be >= 1',
                                                                                    schema: 1,
                                                                                    parentSchema: schema22,
                                                                                    data: data67,
                                                                                  },
                                                                                ];
                                                                                return false;
                                                                              }
                                                                            }
                                                                          }
                                                                          var valid27 = _errs165 === errors;
                                                                        } else {
                                                                          var valid27 = true;
                                                                        }
                                                                        if (valid27) {
                                                                          if (data56.signedIn !== undefined) {
                                                                            let data68 = data56.signedIn;
                                                                            const _errs168 = errors;
                                                                            const _errs169 = errors;
                                                                            if (!(
                                                                              typeof data68 == 'number' &&
                                                                              !(data68 % 1) &&
                                                                              !isNaN(data68)
                                                                            )) {
                                                                              validate10.errors = [
                                                                                {
                                                                                  instancePath:
                                                                                    instancePath +
                                                                                    '/limits/caches/signedIn',
                                                                                  schemaPath:
                                                                                    '#/definitions/count/type',
                                                                                  keyword: 'type',
                                                                                  params: { type: 'integer' },
                                                                                  message: 'must be integer',
                                                                                  schema: schema22.type,
                                                                                  parentSchema: schema22,
                                                                                  data: data68,
                                                                                },
                                                                              ];
                                                                              return false;
                                                                            }
                                                                            if (errors === _errs169) {
                                                                              if (typeof data68 == 'number') {
                                                                                if (data68 < 1 || isNaN(data68)) {
                                                                                  validate10.errors = [
                                                                                    {
                                                                                      instancePath:
                                                                                        instancePath +
                                                                                        '/limits/caches/signedIn',
                                                                                      schemaPath:
                                                                                        '#/definitions/count/minimum',
                                                                                      keyword: 'minimum',
                                                                                      params: {
                                                                                        comparison: '>=',
                                                                                        limit: 1,
                                                                                      },
                                                                                      message: 'must be >= 1',
                                                                                      schema: 1,
                                                                                      parentSchema: schema22,
                                                                                      data: data68,
                                                                                    },
                                                                                  ];
                                                                                  return false;
                                                                                }
                                                                              }
                                                                            }
                                                                            var valid27 = _errs168 === errors;
                                                                          } else {
                                                                            var valid27 = true;
                                                                          }
                                                                          if (valid27) {
                                                                            if (data56.signInFailures !== undefined) {
                                                                              let data69 = data56.signInFailures;
                                                                              const _errs171 = errors;
                                                                              const _errs172 = errors;
                                                                              if (!(
                                                                                typeof data69 == 'number' &&
                                                                                !(data69 % 1) &&
                                                                                !isNaN(data69)
                                                                              )) {
                                                                                validate10.errors = [
                                                                                  {
                                                                                    instancePath:
                                                                                      instancePath +
                                                                                      '/limits/caches/signInFailures',
                                                                                    schemaPath:
                                                                                      '#/definitions/count/type',
                                                                                    keyword: 'type',
                                                                                    params: { type: 'integer' },
                                                                                    message: 'must be integer',
                                                                                    schema: schema22.type,
                                                                                    parentSchema: schema22,
                                                                                    data: data69,
                                                                                  },
                                                                                ];
                                                                                return false;
                                                                              }
                                                                              if (errors === _errs172) {
                                                                                if (typeof data69 == 'number') {
                                                                                  if (data69 < 1 || isNaN(data69)) {
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
                                                                                        parentSchema: schema22,
                                                                                        data: data69,
                                                                                      },
                                                                                    ];
                                                                                    return false;
                                                                                  }
                                                                                }
                                                                              }
                                                                              var valid27 = _errs171 === errors;
                                                                            } else {
                                                                              var valid27 = true;
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
                                                      data: data56,
                                                    },
                                                  ];
                                                  return false;
                                                }
                                              }
                                              var valid22 = _errs132 === errors;
                                            } else {
                                              var valid22 = true;
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
                                  data: data49,
                                },
                              ];
                              return false;
                            }
                          }
                          var valid0 = _errs113 === errors;
                        } else {
                          var valid0 = true;
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
