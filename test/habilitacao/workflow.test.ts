/**
 * The pedido de habilitação of every Sistema Presença profile (seed 000), on the
 * time-skipping server: analysis within 5 dias úteis restarting at each new
 * sending (IN SEI-MEC art. 16 §§ 3º–4º, by analogy), overdue past it, pendência,
 * enabling with its e-mail, substituição of the one coordinator per place,
 * exclusão, and 20 enablings racing for one município.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mensagem } from '../../api/contas/correio';
import { agirNaHabilitacao } from '../../api/habilitacoes/service';
import { listarHabilitacoes, obterHabilitacao } from '../../db/habilitacoes';
import { visaoDe } from '../../rules/habilitacao/escopo';
import { idWorkflowHabilitacao } from '../../workflows/habilitacao/definitions';
import { eventually } from '../support/eventualmente';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { escola, preCadastro, protocolar } from './apoio';

let t: WorkflowTestEnv;
const caixa: Mensagem[] = [];
const estadual = { id: 'coord-estadual-rj', nome: 'Coordenadora Estadual RJ' };

beforeAll(async () => {
  t = await startWorkflowEnv({ correio: { real: true, enviar: async (m) => void caixa.push(m) } });
}, 120_000);
afterAll(async () => t?.stop());

const mensagensPara = (email: string) => caixa.filter((m) => m.para === email);
const situacao = async (id: string) => (await obterHabilitacao(t.db, id))!;

describe('pedido de habilitação', () => {
  it('counts 5 dias úteis from the protocol, marks the pedido overdue past them, and restarts the count at each new sending after a pendência', async () => {
    // Protocol on Monday 01/03/2027 (no holiday in RJ that week; Carnaval 2027 is 08–09/02).
    // Day 1 = Tue 02/03 … day 4 = Fri 05/03, Sat/Sun skipped, day 5 = Mon 08/03: limit 08/03/2027 23:59:59 -03:00.
    await t.saltarAte('2027-03-01T15:00:00.000Z');
    const d = preCadastro('coordenador-municipal');
    const { id } = await protocolar(t.db, t.env.client, t.taskQueue, d, new Date(await t.agora()));
    await eventually(async () => ((await situacao(id)).prazo_analise ? true : undefined));
    expect((await situacao(id)).prazo_analise!.toISOString()).toBe('2027-03-09T02:59:59.000Z');
    expect(mensagensPara(d.email)[0]?.texto).toMatch(/http:\/\/rito\.teste\/habilitacao\/[0-9a-f-]+#\S+/);

    // 23:59:59 of the last day is still on time; the next second it is overdue.
    await t.saltarAte('2027-03-09T02:59:58.000Z');
    expect((await situacao(id)).atrasado).toBe(false);
    await t.saltarAte('2027-03-09T03:00:05.000Z');
    await eventually(async () => ((await situacao(id)).atrasado ? true : undefined));

    // Pendência on Wed 10/03; the requester sends again on Fri 12/03 at 10:00 (-03:00):
    // day 1 = Mon 15/03 … day 5 = Fri 19/03: the new limit is 19/03/2027 23:59:59 -03:00.
    await agirNaHabilitacao(t.env.client, id, { acao: 'apontar-pendencia', ator: estadual, em: '2027-03-10T13:00:00.000Z', chave: 'p1', pendencias: ['Portaria de designação ilegível'] });
    expect((await situacao(id)).fase).toBe('pendente');
    expect((await situacao(id)).atrasado).toBe(false);
    await eventually(async () => (mensagensPara(d.email).some((m) => /Portaria de designação ilegível/.test(m.texto)) ? true : undefined));
    await t.saltarAte('2027-03-12T13:00:00.000Z');
    const r = await agirNaHabilitacao(t.env.client, id, {
      acao: 'reenviar',
      ator: { id: (await situacao(id)).usuario_id, nome: d.nome },
      em: '2027-03-12T13:00:00.000Z',
      chave: 'r1',
      documentos: [{ tipo: 'documentos-comprobatorios', arquivoId: 'a2', sha256: 'b'.repeat(64), nomeOriginal: 'portaria-legivel.pdf', enviadoEm: '2027-03-12T13:00:00.000Z' }],
    });
    expect(r.fase).toBe('em-analise');
    await eventually(async () => ((await situacao(id)).prazo_analise?.toISOString() === '2027-03-20T02:59:59.000Z' ? true : undefined));
    expect((await situacao(id)).documentos.map((x) => x.nomeOriginal)).toEqual(['portaria.pdf', 'portaria-legivel.pdf']);
  });

  it('an overdue pedido is listed, among the overdue, to the level above the one that owes the decision, not to a level beside it', async () => {
    await escola(t.db, '33063002');
    const d = preCadastro('operador-escolar', { codigoInep: '33063002' });
    const em = await t.agora();
    const { id } = await protocolar(t.db, t.env.client, t.taskQueue, d, new Date(em));
    const h = await eventually(async () => ((await situacao(id)).prazo_analise ? situacao(id) : undefined));
    // 5 dias úteis from the protocol (rules/habilitacao/prazo.ts), whatever day the previous test left the clock on.
    await t.saltarAte(new Date(h.prazo_analise!.getTime() + 5_000).toISOString());
    await eventually(async () => ((await situacao(id)).atrasado ? true : undefined));
    const filtro = { atrasados: true, limite: 200, deslocamento: 0 };
    // The operador's pedido is the Coordenação Municipal's to decide; the Coordenação Estadual of RJ is above it.
    const estadualRj = { papeis: [], perfis: [{ perfil: 'coordenador-estadual' as const, uf: 'RJ', municipio: null, codigoInep: null }] };
    expect((await listarHabilitacoes(t.db, visaoDe(estadualRj), 'estadual', filtro)).itens.map((i) => i.id)).toContain(id);
    const municipalNiteroi = { papeis: [], perfis: [{ perfil: 'coordenador-municipal' as const, uf: 'RJ', municipio: '3303302', codigoInep: null }] };
    expect((await listarHabilitacoes(t.db, visaoDe(municipalNiteroi), 'niteroi', filtro)).itens.map((i) => i.id)).not.toContain(id);
  });

  it('enables the profile: the account gets the role and an e-mail with the link to set its password; the history says who, when and with which documents', async () => {
    const d = preCadastro('auxiliar-estadual');
    const { id } = await protocolar(t.db, t.env.client, t.taskQueue, d, new Date(await t.agora()));
    const r = await agirNaHabilitacao(t.env.client, id, { acao: 'habilitar', ator: estadual, em: await t.agora(), chave: 'h1' });
    expect(r).toMatchObject({ fase: 'habilitado', substituiu: null });
    // Retried with the same key: the same answer, nothing done twice.
    expect(await agirNaHabilitacao(t.env.client, id, { acao: 'habilitar', ator: estadual, em: await t.agora(), chave: 'h1' })).toEqual(r);
    const h = await situacao(id);
    expect(h).toMatchObject({ situacao: 'ativo', habilitado_por: estadual.id, habilitado_por_nome: estadual.nome });
    const u = await t.db.selectFrom('usuario').selectAll().where('id', '=', h.usuario_id).executeTakeFirstOrThrow();
    expect(u.papeis).toEqual(['auxiliar-estadual']);
    await eventually(async () => (mensagensPara(d.email).some((m) => /redefinir-senha#/.test(m.texto) && /habilitado por Coordenadora Estadual RJ/.test(m.texto)) ? true : undefined));
    const eventos = await eventually(async () => {
      const e = await t.db.selectFrom('habilitacao_evento').select(['tipo', 'ator']).where('habilitacao_id', '=', id).orderBy('seq').execute();
      return e.length >= 2 ? e : undefined;
    });
    expect(eventos).toEqual([
      { tipo: 'pre-cadastro', ator: h.usuario_id },
      { tipo: 'habilitado', ator: estadual.id },
    ]);
  });

  it('refuses what the phase does not admit, with the reason', async () => {
    const { id } = await protocolar(t.db, t.env.client, t.taskQueue, preCadastro('auxiliar-estadual'), new Date(await t.agora()));
    await expect(agirNaHabilitacao(t.env.client, id, { acao: 'excluir', ator: estadual, em: await t.agora(), chave: 'x', motivo: 'teste' })).rejects.toThrow(
      /em análise: a ação "excluir" não é admitida/,
    );
    await expect(agirNaHabilitacao(t.env.client, id, { acao: 'recusar', ator: estadual, em: await t.agora(), chave: 'y' })).rejects.toThrow(/Informe o motivo/);
  });

  it('a new coordinator for the município replaces the previous one on the day he is enabled, with the act that did it; the old one loses the role', async () => {
    const a = preCadastro('coordenador-municipal', { municipio: '3303302' });
    const b = preCadastro('coordenador-municipal', { municipio: '3303302' });
    const pa = await protocolar(t.db, t.env.client, t.taskQueue, a, new Date(await t.agora()));
    const pb = await protocolar(t.db, t.env.client, t.taskQueue, b, new Date(await t.agora()));
    await agirNaHabilitacao(t.env.client, pa.id, { acao: 'habilitar', ator: estadual, em: await t.agora(), chave: 'a' });
    const emB = await t.agora();
    const r = await agirNaHabilitacao(t.env.client, pb.id, { acao: 'habilitar', ator: estadual, em: emB, chave: 'b' });
    expect(r.substituiu).toBe(pa.id);
    const velho = await situacao(pa.id);
    expect(velho).toMatchObject({ situacao: 'substituido', substituido_por: pb.id, encerrado_por: estadual.id });
    expect(velho.encerrado_em!.toISOString()).toBe(emB);
    const usuarioA = await t.db.selectFrom('usuario').select('papeis').where('id', '=', velho.usuario_id).executeTakeFirstOrThrow();
    expect(usuarioA.papeis).toEqual([]);
    // The replaced profile's workflow records its end and finishes.
    const fim = await t.env.client.workflow.getHandle(idWorkflowHabilitacao(pa.id)).result();
    expect(fim.fase).toBe('substituido');
    await eventually(async () => (mensagensPara(a.email).some((m) => /perfil de Coordenador\(a\) Municipal encerrado/.test(m.assunto)) ? true : undefined));
  });

  it('excludes an operador escolar with its reason', async () => {
    await escola(t.db, '33063001');
    const d = preCadastro('operador-escolar', { codigoInep: '33063001' });
    const { id } = await protocolar(t.db, t.env.client, t.taskQueue, d, new Date(await t.agora()));
    const municipal = { id: 'coord-municipal-rio', nome: 'Coordenador Municipal Rio' };
    await agirNaHabilitacao(t.env.client, id, { acao: 'habilitar', ator: municipal, em: await t.agora(), chave: 'h' });
    await agirNaHabilitacao(t.env.client, id, { acao: 'excluir', ator: municipal, em: await t.agora(), chave: 'e', motivo: 'Deixou a escola' });
    expect(await situacao(id)).toMatchObject({ situacao: 'excluido', motivo_encerramento: 'Deixou a escola', encerrado_por: municipal.id });
    expect((await t.env.client.workflow.getHandle(idWorkflowHabilitacao(id)).result()).fase).toBe('excluido');
  });

  it('20 enablings racing for the coordination of one município leave exactly one coordinator active', async () => {
    const municipio = '3301702'; // Duque de Caxias
    const pedidos = [];
    for (let i = 0; i < 20; i++) pedidos.push(await protocolar(t.db, t.env.client, t.taskQueue, preCadastro('coordenador-municipal', { municipio }), new Date(await t.agora())));
    const em = await t.agora();
    const resultados = await Promise.all(pedidos.map((p, i) => agirNaHabilitacao(t.env.client, p.id, { acao: 'habilitar', ator: estadual, em, chave: `c${i}` })));
    expect(resultados.every((r) => r.fase === 'habilitado')).toBe(true);
    const rows = await t.db.selectFrom('habilitacao').select(['situacao']).where('perfil', '=', 'coordenador-municipal').where('lugar', '=', municipio).execute();
    expect(rows.filter((r) => r.situacao === 'ativo')).toHaveLength(1);
    expect(rows.filter((r) => r.situacao === 'substituido')).toHaveLength(19);
    // Each substituição names a distinct predecessor: a chain, not two ends of one profile.
    expect(new Set(resultados.map((r) => r.substituiu).filter(Boolean)).size).toBe(19);
  }, 120_000);

  it('a pré-cadastro that breaks the table of profiles is refused field by field', async () => {
    // São Paulo (3550308) is not in RJ; the Termo and the documentos comprobatórios are the municipal coordinator's (seed 000).
    const erro = await protocolar(t.db, t.env.client, t.taskQueue, preCadastro('coordenador-municipal', { aceitaTermo: false, documentos: [], municipio: '3550308' }), new Date()).catch((e) => e);
    expect(erro.statusCode).toBe(400);
    expect(erro.campos.map((c: { campo: string }) => c.campo)).toEqual(['municipio', 'aceitaTermo', 'documentos']);
    const semEscola = await protocolar(t.db, t.env.client, t.taskQueue, preCadastro('operador-escolar', { codigoInep: '99999999' }), new Date()).catch((e) => e);
    expect(semEscola.campos).toEqual([{ campo: 'codigoInep', mensagem: 'a escola de Código INEP 99999999 não consta do cadastro de unidades de ensino' }]);
    // Nothing of a refused pré-cadastro is stored.
    expect(await t.db.selectFrom('habilitacao').select('id').where('cpf', 'in', [erro.cpf ?? '', '']).execute()).toEqual([]);
  });
});
