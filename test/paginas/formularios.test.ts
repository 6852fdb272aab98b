/**
 * The forms generated from an action's schema (paginas/formularios.ts), on a
 * rite's action that does not exist: nothing in the generator knows the
 * vistoria, so any rite gets its screens. Fields from the JSON Schema the API
 * lists, the posted strings back into the action's data, the schema's own
 * pt-BR errors keyed by the field they belong to.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../config/settings'; // pt-BR messages of zod
import { esquemaJson } from '../../api/ritos/disponiveis';
import { type Campo, campos, dadosDoFormulario, errosDoZod, errosPorCampo, itensPostados, resolverRefs, rotular } from '../../paginas/formularios';

const endereco = z.object({ logradouro: z.string().min(1), cep: z.string().regex(/^\d{5}-?\d{3}$/) }).meta({ id: 'EnderecoDeTeste' });
const acao = z.object({
  numeroSei: z.string().min(5).describe('Número do processo no SEI'),
  observacoes: z.string().max(5000).default(''),
  pagina: z.coerce.number().int().min(1),
  urgente: z.boolean().default(false),
  publicacao: z.object({ data: z.iso.date(), pagina: z.number().int() }).optional(),
  membros: z.array(z.object({ nome: z.string().min(3), situacao: z.enum(['atende', 'nao-atende']) })).min(1),
  arquivos: z.array(z.string()).default([]),
  objeto: z.discriminatedUnion('tipo', [z.object({ tipo: z.literal('mudanca-endereco'), novo: endereco }), z.object({ tipo: z.literal('capacidade'), vagas: z.number().int().positive() })]),
});
const esquema = resolverRefs(esquemaJson(acao));

const porNome = (cs: Campo[]): Record<string, Campo> => {
  const r: Record<string, Campo> = {};
  const visitar = (c: Campo) => {
    r[c.nome] = c;
    c.filhos?.forEach(visitar);
    c.itens?.forEach((i) => i.filhos.forEach(visitar));
    if (c.discriminante) visitar(c.discriminante);
    c.alternativas?.forEach((a) => a.filhos.forEach(visitar));
  };
  cs.forEach(visitar);
  return r;
};

describe('formulários gerados do esquema da ação', () => {
  it('rotula os campos em português a partir dos nomes, com os acentos', () => {
    expect(rotular('numeroSei')).toBe('Número SEI');
    expect(rotular('baseLegal')).toBe('Base legal');
    expect(rotular('nao-se-aplica')).toBe('Não se aplica');
    expect(rotular('observacoes')).toBe('Observações');
  });

  it('um campo por propriedade, do tipo que o esquema diz, com ajuda, obrigatoriedade e nome pelo caminho', () => {
    const c = porNome(campos(esquema, 'f'));
    expect(c.numeroSei).toMatchObject({ tipo: 'texto', rotulo: 'Número SEI', ajuda: 'Número do processo no SEI', obrigatorio: true, id: 'f-numeroSei' });
    // A default makes it optional to fill, and shows the default.
    expect(c.observacoes).toMatchObject({ tipo: 'textoLongo', obrigatorio: false, valor: '' });
    expect(c.pagina).toMatchObject({ tipo: 'numero', passo: '1', min: 1 });
    expect(c.urgente).toMatchObject({ tipo: 'simNao' });
    expect(c.publicacao).toMatchObject({ tipo: 'grupo', obrigatorio: false });
    expect(c['publicacao.data']).toMatchObject({ tipo: 'data' });
    expect(c.membros).toMatchObject({ tipo: 'lista' });
    expect(c['membros.0.situacao']?.opcoes?.map((o) => o.rotulo)).toEqual(['Atende', 'Não atende']);
    expect(c.arquivos).toMatchObject({ tipo: 'arquivos' });
    expect(c.objeto?.tipo).toBe('alternativas');
    expect(c['objeto.tipo']?.opcoes?.map((o) => o.valor)).toEqual(['mudanca-endereco', 'capacidade']);
    // The shape behind a $ref is resolved.
    expect(c['objeto.novo.cep']).toMatchObject({ tipo: 'texto' });
  });

  it('a lista tem tantos itens quantos foram enviados (acrescentar não perde o digitado)', () => {
    const valores = { 'membros.0.nome': 'Ana', 'membros.1.nome': 'Bia', 'membros.2.nome': '' };
    const c = porNome(campos(esquema, 'f', { valores, erros: {}, itens: itensPostados(valores) }));
    expect(c.membros?.itens).toHaveLength(3);
    expect(c['membros.1.nome']?.valor).toBe('Bia');
  });

  it('os textos enviados voltam a ser os dados da ação, que o esquema aceita', () => {
    const valores = {
      numeroSei: 'SEI-030001/000001/2026',
      observacoes: '',
      pagina: '12',
      urgente: 'on',
      'publicacao.data': '',
      'publicacao.pagina': '',
      'membros.0.nome': 'Ana Maria',
      'membros.0.situacao': 'atende',
      'membros.1.nome': '',
      'membros.1.situacao': '',
      'objeto.tipo': 'capacidade',
      'objeto.vagas': '30',
      'objeto.novo.logradouro': 'ignorado: é da outra alternativa',
    };
    const dados = dadosDoFormulario(esquema, valores);
    expect(dados).toEqual({
      numeroSei: 'SEI-030001/000001/2026',
      pagina: 12,
      urgente: true,
      membros: [{ nome: 'Ana Maria', situacao: 'atende' }],
      objeto: { tipo: 'capacidade', vagas: 30 },
    });
    // Left out, the defaults apply; the empty optional group is absent.
    expect(acao.parse(dados)).toMatchObject({ observacoes: '', arquivos: [], urgente: true });
  });

  it('um item acrescentado e deixado em branco não é enviado, mesmo com escolhas que o esquema preenche por padrão', () => {
    const comPadrao = resolverRefs(
      esquemaJson(z.object({ exigencias: z.array(z.object({ descricao: z.string().min(1), natureza: z.enum(['documental', 'fisica']).default('documental'), urgente: z.boolean().default(false) })).default([]) })),
    );
    // The page posts the default choice and an unticked box for the blank item.
    expect(dadosDoFormulario(comPadrao, { 'exigencias.0.descricao': '', 'exigencias.0.natureza': 'documental' })).toEqual({});
    expect(dadosDoFormulario(comPadrao, { 'exigencias.0.descricao': '', 'exigencias.0.natureza': 'fisica' })).toEqual({ exigencias: [{ descricao: '', natureza: 'fisica', urgente: false }] });
  });

  it('uma lista de itens previstos (um checklist) vem com um grupo por item, identificado e com as palavras da fonte', () => {
    const checklist = z
      .array(z.object({ codigo: z.string(), situacao: z.enum(['conforme', 'nao-conforme']) }))
      .meta({ 'x-itens': [{ codigo: 'requerimento' }, { codigo: 'quadro' }], 'x-rotulos-itens': ['a) Requerimento inicial', 'b) Quadro da equipe'] });
    const e = resolverRefs(esquemaJson(z.object({ checklist })));
    const c = porNome(campos(e, 'f'));
    expect(c.checklist?.itens?.map((i) => i.rotulo)).toEqual(['Checklist — a) Requerimento inicial', 'Checklist — b) Quadro da equipe']);
    expect([c['checklist.0.codigo']?.valor, c['checklist.1.codigo']?.valor]).toEqual(['requerimento', 'quadro']);
    // The situação is the servidor's to choose: nothing comes chosen.
    expect(c['checklist.0.situacao']?.opcoes?.some((o) => o.selecionada)).toBe(false);
    // Posted back (after a refusal), what was sent is shown, not the list's values again.
    const enviado = porNome(campos(e, 'f', { valores: { 'checklist.0.codigo': 'requerimento', 'checklist.0.situacao': 'conforme', 'checklist.1.codigo': 'outro' }, erros: {}, itens: { checklist: 2 } }));
    expect(enviado['checklist.1.codigo']?.valor).toBe('outro');
  });

  it('os erros do esquema, em português, ficam ao lado de cada campo', () => {
    const dados = dadosDoFormulario(esquema, { numeroSei: 'SEI', pagina: 'doze', 'membros.0.nome': 'Al', 'membros.0.situacao': 'atende', 'objeto.tipo': 'capacidade', 'objeto.vagas': '-1' });
    const r = acao.safeParse(dados);
    expect(r.success).toBe(false);
    const erros = errosPorCampo(errosDoZod(r.error!.issues));
    expect(Object.keys(erros).sort()).toEqual(['membros.0.nome', 'numeroSei', 'objeto.vagas', 'pagina']);
    expect(erros.numeroSei).toMatch(/^Pequeno demais/);
    const c = porNome(campos(esquema, 'f', { valores: {}, erros, itens: {} }));
    expect(c.numeroSei?.erro).toBe(erros.numeroSei);
    expect(c['membros.0.nome']?.erro).toBe(erros['membros.0.nome']);
  });
});

describe('todo rito registrado tem as suas telas', () => {
  it('cada ação de pessoa de cada rito gera um formulário: campos rotulados, ids únicos, e os dados voltam sem erro', async () => {
    const { ritosRegistrados } = await import('../../rules/ritos/registro');
    const { acoesDeUsuario } = await import('../../rules/ritos/definicao');
    const ritos = ritosRegistrados();
    expect(ritos.length).toBeGreaterThan(0);
    for (const def of ritos) {
      for (const a of acoesDeUsuario(def)) {
        const esquemaAcao = resolverRefs(esquemaJson(def.acoes[a]!.schema));
        const todos = Object.values(porNome(campos(esquemaAcao, `f-${a}`)));
        for (const c of todos) expect(c.rotulo.trim(), `${def.codigo}.${a}: ${c.nome}`).not.toBe('');
        const ids = todos.map((c) => c.id);
        expect(new Set(ids).size, `${def.codigo}.${a}: ids repetidos`).toBe(ids.length);
        expect(() => dadosDoFormulario(esquemaAcao, {}), `${def.codigo}.${a}`).not.toThrow();
      }
    }
  });
});
