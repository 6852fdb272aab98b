/**
 * Brings a vistoria through the API to a designated Comissão, as its users
 * would: the inspetor autua, approves the forma and issues the Ordem de
 * Serviço naming the three servidores (published in DOERJ the same day, when
 * the action records the publication). The action that designates them is
 * found among the actions the process offers the inspetor (the one whose data
 * carries `comissao`), so the helper follows the rite's own definition.
 */
import { expect } from 'vitest';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import type { Credencial, TestSystem } from './system';
import { checklistForma } from './checklists';

export interface MembroComissao {
  nome: string;
  matricula: string;
  usuarioId: string;
}

let n = 0;
const chave = () => `comissao-${Date.now()}-${++n}`;

export async function agirNaVistoria(sys: TestSystem, id: string, acao: string, como: Credencial, body: unknown) {
  return sys.request('POST', `/v1/processos/${encodeURIComponent(id)}/vistoria/${acao}`, { as: como, body, headers: { 'idempotency-key': chave() } });
}

/** autuar, aprovar-forma and the Ordem de Serviço naming `membros`; returns the action that designated them. */
export async function designarComissaoPelaApi(
  sys: TestSystem,
  id: string,
  inspetor: Credencial,
  numeroSei: string,
  membros: MembroComissao[],
): Promise<string> {
  const autuar = await agirNaVistoria(sys, id, 'autuar', inspetor, { numeroSei });
  expect(autuar.status, JSON.stringify(autuar.body)).toBe(200);
  const antes = await sys.request('GET', `/v1/processos/${encodeURIComponent(id)}`, { as: inspetor });
  const forma = await agirNaVistoria(sys, id, 'aprovar-forma', inspetor, { checklist: checklistForma(antes.body.tipo) });
  expect(forma.status, JSON.stringify(forma.body)).toBe(200);
  const processo = await sys.request('GET', `/v1/processos/${encodeURIComponent(id)}`, { as: inspetor });
  expect(processo.status).toBe(200);
  const acoes = processo.body.acoes as { acao: string; esquema: { properties?: Record<string, unknown> } }[];
  const os = acoes.find((a) => a.esquema.properties && 'comissao' in a.esquema.properties);
  expect(os, `nenhuma ação designa a Comissão na fase ${processo.body.fase}: ${acoes.map((a) => a.acao).join(', ')}`).toBeDefined();
  // Published in DOERJ today, when the action takes the publication too.
  const publicacao = 'publicacao' in os!.esquema.properties! ? { publicacao: { data: formatarInstanteBrasilia(Date.now()).slice(0, 10), pagina: 12 } } : {};
  const r = await agirNaVistoria(sys, id, os!.acao, inspetor, { comissao: membros, ...publicacao });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return os!.acao;
}
