/**
 * Encryption of everything rito sends to Temporal (issue 17, defect 4): the
 * abertura's input carries the requerente's CPF, activities carry names and
 * documents' data, and Temporal keeps all of it in each workflow's history,
 * readable in its UI and CLI. A PayloadCodec encrypts every payload with
 * AES-256-GCM before it leaves the process, so Temporal stores only ciphertext.
 *
 * - Keys come from TEMPORAL_CHAVES (config/settings.ts): `id:base64` pairs, the
 *   first one encrypts, every one decrypts, so keys can rotate (put the new key
 *   first, keep the old ones while histories encrypted with them live).
 * - An encrypted payload's metadata says `encoding: binary/encrypted` and
 *   `encryption-key-id: <id>` (the names of Temporal's encryption sample, so
 *   other tools and codec servers read them alike); its data is
 *   iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes) of the whole original payload
 *   (metadata and data, as protobuf), with the key id as additional data.
 * - Decoding passes through payloads without that encoding: histories recorded
 *   before the codec (test/replay/historias) and processes already running
 *   replay unchanged.
 * - Every Temporal client and worker rito builds uses `conversorDeDados()`:
 *   runtime/api.ts, runtime/worker.ts, cli/dev.ts, the test support. The API
 *   serves the codec to the Temporal UI for authorised staff
 *   (POST /v1/temporal/codec/decode|encode, api/temporal/codec.ts).
 */
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type ChaveCodec, gerarChave, lerChaves } from '../config/chaves-temporal';
import { ConfigError, type Config } from '../config/settings';

export const CODIFICACAO_CRIPTOGRAFADA = 'binary/encrypted';
export const METADADO_ID_CHAVE = 'encryption-key-id';
const TAMANHO_IV = 12;
const TAMANHO_TAG = 16;

const texto = (s: string) => new TextEncoder().encode(s);
const deTexto = (b: Uint8Array | null | undefined) => (b ? new TextDecoder().decode(b) : undefined);

export class CodecCriptografia implements PayloadCodec {
  private readonly chaves: Map<string, Buffer>;
  private readonly atual: ChaveCodec;

  /** `chaves[0]` encrypts; all of them decrypt. */
  constructor(chaves: ChaveCodec[]) {
    if (!chaves.length) throw new Error('o codec precisa de ao menos uma chave');
    for (const c of chaves) if (c.chave.length !== 32) throw new Error(`a chave ${c.id} deve ter 32 bytes (AES-256)`);
    this.chaves = new Map(chaves.map((c) => [c.id, c.chave]));
    this.atual = chaves[0]!;
  }

  get idChaveAtual(): string {
    return this.atual.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => {
      const iv = randomBytes(TAMANHO_IV);
      const cifra = createCipheriv('aes-256-gcm', this.atual.chave, iv);
      cifra.setAAD(Buffer.from(this.atual.id, 'utf8'));
      const claro = temporal.api.common.v1.Payload.encode(p).finish();
      const cifrado = Buffer.concat([iv, cifra.update(claro), cifra.final(), cifra.getAuthTag()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: texto(CODIFICACAO_CRIPTOGRAFADA), [METADADO_ID_CHAVE]: texto(this.atual.id) },
        data: new Uint8Array(cifrado),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => {
      if (deTexto(p.metadata?.[METADATA_ENCODING_KEY]) !== CODIFICACAO_CRIPTOGRAFADA) return p; // not encrypted: recorded before the codec
      const id = deTexto(p.metadata?.[METADADO_ID_CHAVE]);
      const chave = id === undefined ? undefined : this.chaves.get(id);
      if (!chave) throw new Error(`payload criptografado com a chave "${id ?? '?'}", que não está em TEMPORAL_CHAVES`);
      const dados = Buffer.from(p.data ?? new Uint8Array());
      if (dados.length < TAMANHO_IV + TAMANHO_TAG) throw new Error('payload criptografado truncado');
      const decifra = createDecipheriv('aes-256-gcm', chave, dados.subarray(0, TAMANHO_IV));
      decifra.setAAD(Buffer.from(id!, 'utf8'));
      decifra.setAuthTag(dados.subarray(dados.length - TAMANHO_TAG));
      const claro = Buffer.concat([decifra.update(dados.subarray(TAMANHO_IV, dados.length - TAMANHO_TAG)), decifra.final()]);
      const original = temporal.api.common.v1.Payload.decode(claro);
      return { metadata: original.metadata, data: original.data };
    });
  }
}

export function conversorDeDados(codec: PayloadCodec): DataConverter {
  return { payloadCodecs: [codec] };
}

/** Where `rito dev` keeps the key it generated on its first start. */
export const arquivoChaveDev = (dataDir: string) => path.join(dataDir, 'temporal-chaves');

/**
 * The codec of the configuration. Without TEMPORAL_CHAVES: with `arquivoDev`
 * (rito dev), the key kept in that file, generated (mode 0600) on the first
 * start; otherwise (rito api, rito worker) a ConfigError in pt-BR.
 */
export function codecDaConfiguracao(config: Pick<Config, 'TEMPORAL_CHAVES'>, opts: { arquivoDev?: string; comando?: string } = {}): CodecCriptografia {
  if (config.TEMPORAL_CHAVES) return new CodecCriptografia(config.TEMPORAL_CHAVES);
  if (!opts.arquivoDev) {
    throw new ConfigError([
      {
        variable: 'TEMPORAL_CHAVES',
        mensagem:
          `obrigatória ${opts.comando ? `para \`${opts.comando}\`` : 'fora de `rito dev`'}: as entradas dos processos (com o CPF do requerente) ` +
          'são criptografadas antes de chegar ao Temporal. Gere uma chave com `rito config --gerar-chave` e use a mesma na API e nos workers.',
      },
    ]);
  }
  if (!fs.existsSync(opts.arquivoDev)) {
    fs.mkdirSync(path.dirname(opts.arquivoDev), { recursive: true });
    try {
      fs.writeFileSync(opts.arquivoDev, gerarChave('dev') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another start wrote it first
    }
  }
  return new CodecCriptografia(lerChaves(fs.readFileSync(opts.arquivoDev, 'utf8')));
}
