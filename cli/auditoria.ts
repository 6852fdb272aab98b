/**
 * `rito auditoria verificar [--ancora SEQ:HASH]`: walks the audit trail's hash
 * chain and names the first entry that was altered or removed. Exit code 0 when
 * intact, 1 when broken. Keep the printed head (last seq and hash) somewhere
 * else (a ticket, a signed e-mail): passing it back as --ancora also detects
 * entries removed from the end of the chain.
 */
import { verificarCadeia } from '../api/auditoria/verificar';
import { loadConfig } from '../config/settings';
import { USO_AUDITORIA as USO } from './ajuda';
import { abrirBanco } from './banco';

export async function run(args: string[]): Promise<number> {
  const [sub, ...resto] = args;
  if (sub !== 'verificar') {
    process.stderr.write(USO);
    return 2;
  }
  let ancora: { seq: number; hash: string } | undefined;
  for (let i = 0; i < resto.length; i++) {
    const m = resto[i] === '--ancora' ? /^(\d+):([0-9a-f]{64})$/.exec(resto[i + 1] ?? '') : null;
    if (!m) {
      process.stderr.write(`rito auditoria: opção inválida "${resto[i]}"\n${USO}`);
      return 2;
    }
    ancora = { seq: Number(m[1]), hash: m[2] };
    i++;
  }
  const banco = await abrirBanco(loadConfig());
  try {
    const r = await verificarCadeia(banco.db, { ancora });
    if (r.integra) {
      process.stdout.write(
        r.ultima
          ? `auditoria íntegra: ${r.total} entradas verificadas; última: seq ${r.ultima.seq}, hash ${r.ultima.hash}\n`
          : 'auditoria íntegra: nenhuma entrada ainda\n',
      );
      return 0;
    }
    process.stdout.write(`auditoria ADULTERADA na entrada ${r.seq}: ${r.motivo}\n`);
    return 1;
  } finally {
    await banco.fechar();
  }
}
