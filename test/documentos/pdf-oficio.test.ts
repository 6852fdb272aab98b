/**
 * The ofícios as a servidor looks at them, in Chromium's PDF read back page by
 * page (issue 10, "The ofícios"): the signature block never stands alone on a
 * page apart from the fecho, and the header and footer carry the unit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fecharNavegador, renderizarPdf } from '../../documentos/pdf';
import { renderizarDocumento } from '../../documentos/render';
import { textoPorPagina } from '../support/pdf-texto';
import { DADOS as FIXTURES } from './fixtures';

afterAll(async () => {
  await fecharNavegador();
});

const exigencia = (i: number) => ({
  natureza: 'documental' as const,
  descricao: `Apresentar o documento ${i} exigido para a instrução do pedido, na forma da norma aplicável`,
  motivacao: `O documento ${i} não consta dos autos ou foi apresentado sem as assinaturas exigidas pela norma.`,
  baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII',
});

async function paginasDaNotificacao(n: number) {
  const dados = { ...FIXTURES['notificacao-exigencias'], exigencias: Array.from({ length: n }, (_, i) => exigencia(i + 1)) };
  const doc = renderizarDocumento('notificacao-exigencias', dados, { data: '2026-11-23', numero: 31, ano: 2026, unidade: 'COOIE-METROPOLITANAI' });
  return { paginas: await textoPorPagina(await renderizarPdf(doc.html)), signatario: dados.signatario };
}

describe('ofício em PDF', () => {
  it('keeps the signature with the fecho on the same page, however long the text grows', async () => {
    // From 6 to 13 exigências the text crosses the end of the first page and of the second at every height,
    // so at some lengths the signature would fall alone on a new page if the layout let it.
    let paginasVistas = new Set<number>();
    for (let n = 6; n <= 13; n++) {
      const { paginas, signatario } = await paginasDaNotificacao(n);
      paginasVistas.add(paginas.length);
      const nome = signatario.nome.toLocaleUpperCase('pt-BR');
      const comAssinatura = paginas.findIndex((p) => p.includes(nome));
      expect(comAssinatura, `${n} exigências: assinatura ausente`).toBeGreaterThanOrEqual(0);
      expect(paginas[comAssinatura], `${n} exigências: a assinatura está na página ${comAssinatura + 1} sem o fecho`).toContain('Atenciosamente');
      // With his cargo and matrícula under the name.
      expect(paginas[comAssinatura]).toContain(signatario.cargo);
      expect(paginas[comAssinatura]).toContain(`Matrícula ${signatario.matricula}`);
    }
    expect([...paginasVistas].length, 'o teste deve atravessar ao menos uma quebra de página').toBeGreaterThan(1);
  }, 120_000);

  it('carries the issuing unit in the header of the first page and its address and contact in the footer', async () => {
    const { paginas } = await paginasDaNotificacao(1);
    expect(paginas[0]).toMatch(/^GOVERNO DO ESTADO DO RIO DE JANEIRO SECRETARIA DE ESTADO DE EDUCAÇÃO .*Coordenadoria Regional de Inspeção Escolar Metropolitana I/);
    expect(paginas[0]).toContain('OFÍCIO Nº 31/2026/COOIE-METROPOLITANAI');
    const ultima = paginas.at(-1)!;
    for (const linha of FIXTURES['notificacao-exigencias'].emissor.contato!) expect(ultima).toContain(linha);
  }, 60_000);
});

describe('páginas reaproveitadas entre PDFs', () => {
  const html = (texto: string) => `<!doctype html><html lang="pt-BR"><body><p>${texto}</p></body></html>`;

  it('prints each document alone, concurrently and in turn, on pages kept from earlier PDFs', async () => {
    // Eight documents four at a time: the pool's pages serve several documents each.
    const textos = Array.from({ length: 8 }, (_, i) => `Documento numero ${i + 1} do lote`);
    const lidos = await Promise.all(textos.map(async (t) => (await textoPorPagina(await renderizarPdf(html(t)))).join(' ')));
    lidos.forEach((lido, i) => {
      expect(lido).toContain(textos[i]);
      for (const outro of textos.filter((_, j) => j !== i)) expect(lido).not.toContain(outro);
    });
  });

  it('does not keep a page that failed: the next PDF prints normally', async () => {
    // A document whose load cannot finish in 1 ms fails; its page is closed, not returned to the pool.
    const grande = html('x'.repeat(200_000));
    await expect(renderizarPdf(grande, { timeoutMs: 1 })).rejects.toThrow();
    expect((await textoPorPagina(await renderizarPdf(html('Depois da falha')))).join(' ')).toContain('Depois da falha');
  });
});
