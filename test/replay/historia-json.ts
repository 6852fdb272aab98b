/**
 * Workflow histories to and from the JSON of `temporal workflow show --output json`.
 *
 * Not through @temporalio/common's historyToJSON/historyFromJSON: in this
 * install they fail with "type must be a Type". They call protobufjs's protojson
 * from @temporalio/common's own copy of protobufjs with a message type built by
 * @temporalio/proto's copy (two copies of protobufjs 8.8.1 are nested because a
 * protobufjs 7 is hoisted to the top of node_modules), and protojson checks
 * `instanceof Type`. Here protojson is taken from the copy @temporalio/proto
 * itself resolves, so type and converter always agree.
 */
import path from 'node:path';
import type * as Proto from '@temporalio/proto';

export type Historia = Proto.temporal.api.history.v1.IHistory;

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

// Plain CommonJS requires: the proto module's root must be the object protobufjs built (an ESM
// namespace wrapper, as vitest gives to `import * as`, has no nested types to look up).
/* eslint-disable @typescript-eslint/no-require-imports */
const proto: typeof Proto = require('@temporalio/proto');
const { patchProtobufRoot } = require('@temporalio/proto/lib/patch-protobuf-root') as { patchProtobufRoot<T>(root: T): T };
const protojson: ProtoJson = require(require.resolve('protobufjs/ext/protojson', { paths: [path.dirname(require.resolve('@temporalio/proto/package.json'))] }));
/* eslint-enable @typescript-eslint/no-require-imports */
const tipoHistoria = (patchProtobufRoot(proto) as unknown as { lookupType(n: string): unknown }).lookupType('temporal.api.history.v1.History');

export function historiaParaJson(historia: Historia): string {
  return JSON.stringify(protojson.toJson(tipoHistoria, proto.temporal.api.history.v1.History.fromObject(historia)), null, 2);
}

export function historiaDeJson(texto: string): Historia {
  const h = protojson.fromJson(tipoHistoria, JSON.parse(texto), { ignoreUnknownFields: true });
  if (!h) throw new TypeError('história inválida');
  return h as Historia;
}
