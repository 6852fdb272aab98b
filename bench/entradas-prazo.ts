/** The prazo inputs both prazo benchmarks use: deterministic (LCG), the same on every run, spread over 2020–2040 and four places. */
import type { EntradaPrazo } from '../rules/prazos';

export function entradasPrazo(n: number): EntradaPrazo[] {
  let s = 12345;
  const r = (m: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % m);
  const locais: EntradaPrazo['local'][] = [{ uf: 'RJ' }, { uf: 'RJ', municipio: '3304557' }, { uf: 'SP' }, { uf: 'DF' }];
  const out: EntradaPrazo[] = [];
  for (let i = 0; i < n; i++) {
    const ano = 2020 + r(21);
    const mes = 1 + r(12);
    const dia = 1 + r(28);
    out.push({
      ciencia: `${ano}-${String(mes).padStart(2, '0')}-${String(dia).padStart(2, '0')}`,
      dias: [3, 5, 10, 15, 20, 30, 60][r(7)],
      uteis: r(3) === 0,
      contarDe: r(4) === 0 ? 'primeiro-dia-util' : 'dia-seguinte',
      local: locais[r(locais.length)],
    });
  }
  return out;
}
