/**
 * End to end through the public API, in real time, on the Temporal dev server
 * and PostgreSQL, with real accounts (login, cookie, CSRF): one vistoria process
 * driven by each of its actors, as far as real time allows.
 *
 *   representante  POST /v1/processos, tomar-ciencia, cumprir-exigencias
 *   inspetor       autuar, registrar-exigencias-forma, aprovar-forma,
 *                  publicar-ordem-servico (naming three comissão accounts)
 *   Comissão       agendar-visita (≥ 5 days ahead, on a business day: rules/prazos dataMinimaVisita)
 *
 * Why the test stops at the scheduled visit: the dev server runs in real time
 * and the API stamps every act with the moment it receives it, so the visit is
 * at least 5 days in the future. The Termo de Visita is dated the day it is
 * issued, and documentos/catalogo.ts (termo-visita, validarContexto) refuses a
 * Termo dated before the visit it records; a Termo dated today would record a
 * visit that did not take place on the day notified to the representante
 * (DOMAIN prazos rule 8). No legal path reaches the Termo — hence the
 * Pronunciamento and the edital — within the run of a test. This test shows
 * the API refusing that Termo; test/e2e/vistoria-visita.test.ts drives the whole
 * rite to the COOGIE's edital through the same API, on the time-skipping server
 * with the API's clock set to the server's.
 *
 * Along the way: every document is downloaded as HTML and as PDF through the
 * links of GET /v1/processos/{id}/linha-do-tempo; numbers run without gaps per
 * unit and series; each HTML carries the SEI number and its date by extenso. A
 * retried action (same Idempotency-Key) answers the same and issues nothing new;
 * a refused one answers 409 with the reason in pt-BR; the wrong role gets 403;
 * a representante of another institution gets 404. The read routes (tarefas,
 * prazos vencendo) show the process while it waits on its actors.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diaCivilBrasilia, formatarData } from '../../rules/calendario';
import { dataPorExtenso } from '../../rules/datas/extenso';
import { dataMinimaVisita } from '../../rules/prazos';
import { type Conta, type Resposta, startTestSystem, type TestSystem } from '../support/system';
import { ate, baixar, numerosPorSerie } from './http';
import { checklistForma, verificacoesDaVisita } from '../support/checklists';

const CNPJ = '11222333000181';
const CNPJ_OUTRA = '11444777000161';
const UNIDADE = 'METROPOLITANA I';
// The unit's sigla as data (table unidade): its documents are numbered under it.
const SIGLA = 'COOIE-METROPOLITANAI';
const RIO = '3304557';
const hoje = () => formatarData(diaCivilBrasilia(Date.now()));
const NUMERO_SEI = `SEI-030001/017${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}/${hoje().slice(0, 4)}`;

const exigencia = {
  codigo: 'laudo-seguranca',
  descricao: 'Apresentar laudo técnico de segurança e acessibilidade do imóvel anexado',
  motivacao: 'O laudo apresentado não abrange o imóvel contíguo que se pretende anexar.',
  baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII',
  natureza: 'documental',
};

let sys: TestSystem;
let representante: Conta, outroRepresentante: Conta, inspetor: Conta, inspetorNorte: Conta, supervisor: Conta;
let comissao: Conta[];
let id: string;

beforeAll(async () => {
  sys = await startTestSystem();
  [representante, outroRepresentante, inspetor, inspetorNorte, supervisor] = await Promise.all([
    sys.conta({ nome: 'Maria Representante', papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ nome: 'Rui Representante', papeis: ['representante'], instituicoes: [CNPJ_OUTRA] }),
    sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: UNIDADE }),
    sys.conta({ nome: 'Nei Inspetor', papeis: ['inspetor'], unidade: 'NORTE FLUMINENSE' }),
    sys.conta({ nome: 'Sara Supervisora', papeis: ['supervisor'] }),
  ]);
  comissao = await Promise.all(
    ['Bruno Servidor', 'Carla Servidora', 'Diego Servidor'].map((nome) => sys.conta({ nome, papeis: ['comissao'], unidade: UNIDADE })),
  );
}, 180_000);
afterAll(async () => {
  await sys?.stop();
});

/** POST an action of the rite; the key defaults to a fresh one. */
function agir(acao: string, como: Conta, body: unknown, chave = `${acao}-${randomUUID()}`): Promise<Resposta> {
  return sys.request('POST', `/v1/processos/${id}/vistoria/${acao}`, { as: como, body, headers: { 'idempotency-key': chave } });
}

async function agirOk(acao: string, como: Conta, body: unknown, chave?: string) {
  const r = await agir(acao, como, body, chave);
  expect(r.status, `${acao}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

const linhaDoTempo = async (como: Conta = representante) => {
  const r = await sys.request('GET', `/v1/processos/${id}/linha-do-tempo`, { as: como });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe('um processo de vistoria pela API, do requerimento à visita agendada', () => {
  it('o representante abre o processo; papel errado 403, outra instituição 404', async () => {
    const aberto = await sys.request('POST', '/v1/processos', {
      as: representante,
      body: {
        tipo: 'apostilamento-endereco',
        instituicao: {
          cnpj: CNPJ,
          codigoInep: '33077123',
          nome: 'Colégio Exemplo',
          municipio: RIO,
          endereco: { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
          mantenedora: 'Sociedade Educacional Exemplo Ltda.',
        },
        unidade: UNIDADE,
        requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
      },
    });
    expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
    expect(aberto.body).toMatchObject({ fase: 'requerimento', numeroSei: null, unidade: UNIDADE });
    id = aberto.body.id;

    // The representante may not autuar (the route is the inspetor's).
    const papelErrado = await agir('autuar', representante, { numeroSei: NUMERO_SEI });
    expect(papelErrado.status).toBe(403);
    expect(papelErrado.body.erro).toMatchObject({ codigo: 'sem-permissao', mensagem: 'Seu perfil não permite esta ação.' });
    // A representante of another institution does not even learn that the process exists.
    for (const r of [
      await agir('tomar-ciencia', outroRepresentante, {}),
      await sys.request('GET', `/v1/processos/${id}/linha-do-tempo`, { as: outroRepresentante }),
      await sys.request('GET', `/v1/processos/${id}`, { as: outroRepresentante }),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.erro.codigo).toBe('nao-encontrado');
    }
    // Nor does an inspetor of another COOIE.
    expect((await agir('autuar', inspetorNorte, { numeroSei: NUMERO_SEI })).status).toBe(404);
  });

  it('o inspetor autua e registra exigências de forma; a ciência do representante abre o prazo de 10 dias', async () => {
    const autuado = await agirOk('autuar', inspetor, { numeroSei: NUMERO_SEI });
    expect(autuado).toMatchObject({ fase: 'analise-forma', documentos: [] });

    // Out of phase: 409 with the rite's reason.
    const foraDeFase = await agir('publicar-edital', await coogie(), {
      publicacao: { data: hoje(), pagina: 3 },
      objeto: { tipoVistoria: 'apostilamento-endereco', enderecoApostilado: { logradouro: 'Rua São Clemente, 102', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
    });
    expect(foraDeFase.status).toBe(409);
    expect(foraDeFase.body.erro.codigo).toBe('acao-recusada');
    expect(foraDeFase.body.erro.mensagem).toMatch(/^A ação "Publicar o edital de cadastramento no DOERJ" não é admitida na fase "Análise de forma \(checklist documental\)"\. Ações admitidas:/);

    const exigido = await agirOk('registrar-exigencias-forma', inspetor, { checklist: checklistForma('apostilamento-endereco'), exigencias: [exigencia] });
    expect(exigido.fase).toBe('exigencias-forma');
    expect(exigido.documentos.map((d: { tipo: string }) => d.tipo)).toEqual(['notificacao-exigencias']);
    expect(exigido.prazo).toBeNull(); // the prazo runs from the ciência

    // The inspetor may not take ciência for the representante.
    expect((await agir('tomar-ciencia', inspetor, {})).status).toBe(403);
    const ciencia = await agirOk('tomar-ciencia', representante, {});
    expect(ciencia.mensagem).toBe('Ciência registrada.');
    expect(ciencia.prazo.limite).toMatch(/T23:59:59-03:00$/);
    // An improrrogável prazo: refused with the seed's word.
    const prorrogar = await agir('prorrogar-prazo', representante, {});
    expect(prorrogar.status).toBe(409);
    expect(prorrogar.body.erro.mensagem).toMatch(/improrrogável/);

    // 10 dias corridos end within 10 business days: the prazo is "vencendo" for whoever sees the process.
    const vencendo = await sys.request('GET', '/v1/prazos/vencendo?dias=10', { as: supervisor });
    expect(vencendo.status, JSON.stringify(vencendo.body)).toBe(200);
    const item = vencendo.body.itens.find((i: { processo: { id: string } }) => i.processo.id === id);
    expect(item).toMatchObject({ prazo: { codigo: 'exigencias-forma', limite: ciencia.prazo.limite }, processo: { numeroSei: NUMERO_SEI }, vencido: false });
    expect((await sys.request('GET', '/v1/prazos/vencendo?dias=10', { as: representante })).body.itens.map((i: { processo: { id: string } }) => i.processo.id)).toContain(id);
    expect((await sys.request('GET', '/v1/prazos/vencendo?dias=10', { as: outroRepresentante })).body.itens).toEqual([]);
  });

  it('o representante cumpre as exigências; o inspetor aprova a forma e publica a Ordem de Serviço com três servidores', async () => {
    const cumprido = await agirOk('cumprir-exigencias', representante, { resposta: 'Segue o laudo técnico abrangendo o imóvel anexado.', arquivos: [] });
    expect(cumprido.fase).toBe('reanalise-forma');

    // The COOIE now owes the reanálise: a task of the inspetor's unit, on time.
    const tarefas = await ate(
      () => sys.request('GET', '/v1/tarefas', { as: inspetor }),
      (r) => r.body.itens?.some((t: { processo: { id: string; fase: string } }) => t.processo.id === id && t.processo.fase === 'reanalise-forma'),
      'tarefa de reanálise',
    );
    expect(tarefas.body.itens.find((t: { processo: { id: string } }) => t.processo.id === id)).toMatchObject({ responsavel: 'cooie', atrasada: false });
    expect((await sys.request('GET', '/v1/tarefas?atrasadas=true', { as: inspetor })).body.itens).toEqual([]);
    expect((await sys.request('GET', '/v1/tarefas', { as: inspetorNorte })).body.itens).toEqual([]);
    expect((await sys.request('GET', `/v1/tarefas?unidade=${encodeURIComponent(UNIDADE)}`, { as: inspetorNorte })).status).toBe(403);
    expect((await sys.request('GET', '/v1/tarefas', { as: representante })).status).toBe(403);
    // The prazo was met: no longer vencendo.
    const vencendo = await ate(
      () => sys.request('GET', '/v1/prazos/vencendo?dias=10', { as: supervisor }),
      (r) => !r.body.itens.some((i: { processo: { id: string } }) => i.processo.id === id),
      'prazo cumprido fora da lista',
    );
    expect(vencendo.status).toBe(200);

    await agirOk('aprovar-forma', inspetor, { checklist: checklistForma('apostilamento-endereco') });
    const membros = comissao.map((c, i) => ({ nome: c.nome, matricula: `100${i + 1}`, usuarioId: c.id }));
    const chave = `os-${randomUUID()}`;
    const os = await agirOk('publicar-ordem-servico', inspetor, { comissao: membros, publicacao: { data: hoje(), pagina: 14 } }, chave);
    expect(os.fase).toBe('analise-merito');
    expect(os.documentos).toHaveLength(1);
    expect(os.documentos[0].identificacao).toMatch(/^Ordem de Serviço nº 1\/\d{4}\/COOIE-METROPOLITANAI$/);

    // Retried with the same Idempotency-Key: the same answer, no second Ordem de Serviço.
    const repetido = await agirOk('publicar-ordem-servico', inspetor, { comissao: membros, publicacao: { data: hoje(), pagina: 14 } }, chave);
    expect(repetido).toEqual(os);
    const docs = await sys.db.selectFrom('documento').select('tipo').where('processo_id', '=', id).execute();
    expect(docs.map((d) => d.tipo).sort()).toEqual(['notificacao-exigencias', 'ordem-servico']);
  });

  it('a Comissão agenda a visita com 5 dias de antecedência, em dia útil; o Termo de Visita antes da visita é recusado', async () => {
    const [membro] = comissao;
    // A servidor with the comissao role but not named in this Ordem de Serviço: outside scope.
    const estranho = await sys.conta({ papeis: ['comissao'], unidade: UNIDADE });
    expect((await agir('agendar-visita', estranho, { data: hoje() })).status).toBe(404);

    const minima = dataMinimaVisita({ aviso: new Date().toISOString(), local: { uf: 'RJ', municipio: RIO, unidade: UNIDADE } }).data;
    const cedo = await agir('agendar-visita', membro!, { data: hoje(), hora: '09:00' });
    expect(cedo.status).toBe(409);
    expect(cedo.body.erro.mensagem).toBe(`A visita deve ser agendada com no mínimo 5 dias de antecedência: a data mais próxima possível é ${minima}.`);

    const agendada = await agirOk('agendar-visita', membro!, { data: minima, hora: '09:30' });
    expect(agendada.fase).toBe('visita-agendada');
    expect(agendada.documentos.map((d: { tipo: string }) => d.tipo)).toEqual(['agendamento-visita']);

    // The Termo records the visit on its day: issued today, it cannot record a visit still to come.
    const termo = await agir('concluir-visita-sem-exigencias', comissao[1]!, {
      termoVisita: {
        realizadaEm: minima,
        horaInicio: '09:30',
        horaFim: '11:00',
        representante: { nome: 'Maria Representante', qualidade: 'representante-legal' },
        verificacoes: verificacoesDaVisita('apostilamento-endereco'),
      },
    });
    expect(termo.status).toBe(409);
    // A Termo dated on a day that has not come yet records no visit (workflow validator), before the document could refuse it.
    expect(termo.body.erro.mensagem).toMatch(/o Termo de Visita não pode ser lavrado antes da visita|registra uma visita já realizada/);
    const estado = await sys.request('GET', `/v1/processos/${id}/vistoria`, { as: membro });
    expect(estado.body).toMatchObject({ fase: 'visita-agendada', visita: { data: minima, hora: '09:30' } });
    expect(estado.body.documentos).toHaveLength(3);
  });

  it('a linha do tempo mostra cada ato com seu autor, os documentos e o prazo com seu histórico', async () => {
    const linha = await ate(
      () => linhaDoTempo(),
      (l) => l.processo.fase === 'visita-agendada' && l.documentos.length === 3,
      'linha do tempo completa',
    );
    expect(linha.processo).toMatchObject({ id, numeroSei: NUMERO_SEI, fase: 'visita-agendada', encerrado: false, unidade: UNIDADE });
    const atos = linha.eventos.filter((e: { tipo: string }) => e.tipo !== 'prazo').map((e: { tipo: string; ator: { nome: string } }) => [e.tipo, e.ator.nome]);
    expect(atos).toEqual([
      ['abertura', 'Maria Representante'],
      ['autuar', 'Ana Inspetora'],
      ['registrar-exigencias-forma', 'Ana Inspetora'],
      ['ciencia-explicita', 'Maria Representante'],
      ['cumprir-exigencias', 'Maria Representante'],
      ['aprovar-forma', 'Ana Inspetora'],
      ['publicar-ordem-servico', 'Ana Inspetora'],
      ['agendar-visita', 'Bruno Servidor'],
    ]);
    const seqs = linha.eventos.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));

    expect(linha.prazos).toHaveLength(1);
    const [prazo] = linha.prazos;
    expect(prazo).toMatchObject({ codigo: 'exigencias-forma', dias: 10, uteis: false, prorrogavel: false, situacao: 'cumprido' });
    expect(prazo.ciencia >= hoje()).toBe(true); // a ciência on a non-business day counts on the next business day
    expect(prazo.historico.map((h: { situacao: string; alterouLimite: boolean }) => [h.situacao, h.alterouLimite])).toEqual([
      ['aberto', true],
      ['cumprido', false],
    ]);
    expect(prazo.historico[0]).toMatchObject({ limiteAnterior: null, motivo: expect.stringMatching(/^Prazo de 10 dias aberto com ciência em /) });

    expect(linha.documentos.map((d: { tipo: string; emitidoPor: { nome: string } }) => [d.tipo, d.emitidoPor.nome])).toEqual([
      ['notificacao-exigencias', 'Ana Inspetora'],
      ['ordem-servico', 'Ana Inspetora'],
      ['agendamento-visita', 'Bruno Servidor'],
    ]);
    // The representante sees the same timeline as the inspetor, less the Comissão's account ids and matrículas (issue 10).
    const semInternos = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'usuarioId' || k === 'matricula' ? undefined : x)));
    expect(linha.eventos).toEqual(semInternos((await linhaDoTempo(inspetor)).eventos));
  });

  it('cada documento se baixa em HTML e PDF; números em sequência por unidade; número SEI e data por extenso no texto', async () => {
    const linha = await linhaDoTempo();
    expect(numerosPorSerie(linha.documentos.map((d: { identificacao: string }) => d.identificacao))).toEqual({
      [`${SIGLA} ${hoje().slice(0, 4)} Ofício`]: [1, 2],
      [`${SIGLA} ${hoje().slice(0, 4)} Ordem de Serviço`]: [1],
    });
    for (const doc of linha.documentos as { id: string; identificacao: string; emitidoEm: string; links: { html: string; pdf: string } }[]) {
      expect(doc.links).toEqual({ html: `/v1/documentos/${doc.id}`, pdf: `/v1/documentos/${doc.id}.pdf` });
      const html = await baixar(sys.baseUrl, doc.links.html, representante);
      expect(html.status, doc.identificacao).toBe(200);
      expect(html.tipo).toMatch(/^text\/html/);
      const texto = html.corpo.toString('utf8');
      expect(texto).toContain(doc.identificacao);
      expect(texto).toContain(NUMERO_SEI);
      const data = formatarData(diaCivilBrasilia(Date.parse(doc.emitidoEm)));
      expect(texto).toContain(`Rio de Janeiro, ${dataPorExtenso(data)}.`);

      const pdf = await baixar(sys.baseUrl, doc.links.pdf, representante);
      expect(pdf.status, `${doc.identificacao}: ${pdf.corpo.subarray(0, 200).toString()}`).toBe(200);
      expect(pdf.tipo).toBe('application/pdf');
      expect(pdf.corpo.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // Documents follow the process's scope.
    const [primeiro] = linha.documentos;
    expect((await baixar(sys.baseUrl, primeiro.links.html, outroRepresentante)).status).toBe(404);
  }, 120_000);
});

let contaCoogie: Conta | undefined;
async function coogie(): Promise<Conta> {
  contaCoogie ??= await sys.conta({ nome: 'Célia COOGIE', papeis: ['coogie'] });
  return contaCoogie;
}
