/** Pedidos de habilitação for tests: valid CPFs, a PDF, schools, and the pré-cadastro through the service the API uses. */
import type { Client } from '@temporalio/client';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DadosPreCadastro, protocolarPreCadastro } from '../../api/habilitacoes/service';
import type { Db } from '../../db/connect';
import { salvarUnidadeEnsino } from '../../db/habilitacoes';
import { criarArmazenamentoArquivos } from '../../documentos/arquivos';
import { calcularDigitosCpf } from '../../rules/identificadores/cpf';

let sequencia = Math.floor(Math.random() * 1e6);

/** A CPF with valid check digits, different at each call. */
export function novoCpf(): string {
  sequencia += 1;
  const base = String(100_000_000 + (sequencia % 800_000_000)).padStart(9, '0');
  return base + calcularDigitosCpf(base);
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Rio de Janeiro (IBGE 3304557) and Niterói (3303302). */
export const RIO = '3304557';
export const NITEROI = '3303302';

export async function escola(db: Db, codigoInep: string, municipio = RIO): Promise<void> {
  await salvarUnidadeEnsino(db, { codigoInep, nome: `Escola ${codigoInep}`, uf: 'RJ', municipio, fonte: 'teste', por: 'teste' });
}

export function preCadastro(perfil: DadosPreCadastro['perfil'], extra: Partial<DadosPreCadastro> = {}): DadosPreCadastro {
  const cpf = novoCpf();
  const base: DadosPreCadastro = { perfil, nome: `Pessoa ${cpf.slice(0, 4)}`, cpf, email: `p${cpf}@exemplo.gov.br`, uf: 'RJ', documentos: [] };
  if (perfil === 'coordenador-estadual') base.documentos = [{ tipo: 'oficio-nomeacao', nomeOriginal: 'oficio.pdf', conteudo: PDF }];
  if (perfil === 'coordenador-municipal') {
    Object.assign(base, { municipio: RIO, aceitaTermo: true, documentos: [{ tipo: 'documentos-comprobatorios', nomeOriginal: 'portaria.pdf', conteudo: PDF }] });
  }
  if (perfil === 'auxiliar-municipal') base.municipio = RIO;
  if (perfil === 'operador-escolar') base.municipio = RIO;
  return { ...base, ...extra };
}

export function protocolar(db: Db, temporal: Client, taskQueue: string, d: DadosPreCadastro, em: Date) {
  const arquivos = criarArmazenamentoArquivos({ db, diretorio: mkdtempSync(path.join(os.tmpdir(), 'rito-hab-')) });
  return protocolarPreCadastro({ db, temporal, taskQueue, arquivos }, d, em);
}
