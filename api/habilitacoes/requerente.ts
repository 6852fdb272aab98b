/**
 * What every route a requerente reaches by his e-mail's link shares (the
 * Sistema Presença's pedidos, api/habilitacoes, and the credenciamento of
 * external users, api/credenciamentos): the link's secret as a header, the
 * requerente as the actor of what he does before his account has a role, and
 * documents sent in base64 inside a JSON body.
 */
import { z } from 'zod';
import type { Habilitacao } from '../../db/habilitacoes';
import type { Ator } from '../auth/ator';
import type { ArquivoEnviado } from './service';

export const acessoDoPedido = z.object({
  'x-acesso-pedido': z.string({ error: 'envie o cabeçalho X-Acesso-Pedido com o código do link recebido por e-mail' }).min(20).max(200),
});

/** Files travel in base64 inside the JSON body: room for a few scanned PDFs. */
export const LIMITE_CORPO_COM_DOCUMENTOS = 40 * 1024 * 1024;

/** The requerente acts before his account has a role: identified by his pedido (the e-mail's link proves the address). */
export const requerente = (h: Habilitacao): Ator => ({ id: h.usuario_id, nome: h.nome, papeis: [], unidade: null, instituicoes: [], comissoes: [] });

export const decodificarDocumentos = (docs: { tipo: string; nomeOriginal: string; conteudoBase64: string }[]): ArquivoEnviado[] =>
  docs.map((d) => ({ tipo: d.tipo, nomeOriginal: d.nomeOriginal, conteudo: Buffer.from(d.conteudoBase64, 'base64') }));
