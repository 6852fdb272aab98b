/**
 * `rito auditoria verificar [--ancora SEQ:HASH] [--sem-ancoras]`: walks the
 * audit trail's hash chain and reports every entry that was altered or
 * removed, checking it against the signed anchors of this database in
 * AUDITORIA_ANCORA_DIR (api/auditoria/ancora.ts) too. Exit code 0 when intact,
 * 1 when broken, 2 on wrong usage or anchors that cannot be checked for want
 * of the key.
 *
 * `rito auditoria ancorar`: writes an anchor of the chain's head now.
 */
import fs from 'node:fs';
import {
  ancorarCadeia,
  arquivoChaveAncoraDev,
  chaveAncoraDaConfiguracao,
  lerAncoras,
  nomeDoBanco,
  pastaAncoras,
} from '../api/auditoria/ancora';
import { type AncoraConferida, verificarCadeia } from '../api/auditoria/verificar';
import { loadConfig } from '../config/settings';
import { USO_AUDITORIA as USO } from './ajuda';
import { abrirBanco } from './banco';

export async function run(args: string[]): Promise<number> {
  const [sub, ...resto] = args;
  if (sub !== 'verificar' && sub !== 'ancorar') {
    process.stderr.write(USO);
    return 2;
  }
  let ancora: AncoraConferida | undefined;
  let semAncoras = false;
  for (let i = 0; i < resto.length; i++) {
    if (sub === 'verificar' && resto[i] === '--sem-ancoras') {
      semAncoras = true;
      continue;
    }
    const m = sub === 'verificar' && resto[i] === '--ancora' ? /^(\d+):([0-9a-f]{64})$/.exec(resto[i + 1] ?? '') : null;
    if (!m) {
      process.stderr.write(`rito auditoria: opção inválida "${resto[i]}"\n${USO}`);
      return 2;
    }
    ancora = { seq: Number(m[1]), hash: m[2], descricao: 'âncora informada em --ancora' };
    i++;
  }
  const config = loadConfig();
  const pasta = pastaAncoras(config);
  const chave = chaveAncoraDaConfiguracao(config, { lerArquivoDev: arquivoChaveAncoraDev(config.RITO_DATA_DIR) });
  const banco = await abrirBanco(config);
  try {
    if (sub === 'ancorar') {
      if (!chave) {
        process.stderr.write('rito auditoria ancorar: defina AUDITORIA_ANCORA_CHAVE (gere com `rito config --gerar-chave-ancora`)\n');
        return 2;
      }
      const feita = await ancorarCadeia(banco.db, { chave, pasta });
      process.stdout.write(feita ? `âncora gravada: seq ${feita.ancora.seq}, hash ${feita.ancora.hash} (${feita.arquivo})\n` : 'trilha vazia: nada a ancorar\n');
      return 0;
    }

    const ancoras: AncoraConferida[] = [];
    const problemasDasAncoras: string[] = [];
    if (!semAncoras) {
      const nome = await nomeDoBanco(banco.db);
      if (!chave) {
        const existem = fs.existsSync(pasta) && fs.readdirSync(pasta).some((n) => n.startsWith(`ancora-${encodeURIComponent(nome)}-`));
        if (existem) {
          process.stderr.write(
            `rito auditoria verificar: há âncoras deste banco em ${pasta}, mas falta AUDITORIA_ANCORA_CHAVE para conferir suas assinaturas (ou use --sem-ancoras)\n`,
          );
          return 2;
        }
      } else {
        const lidas = lerAncoras(pasta, nome, chave);
        for (const { arquivo, ancora: a } of lidas.validas) ancoras.push({ seq: a.seq, hash: a.hash, descricao: `âncora de ${a.em} (${arquivo})` });
        for (const inv of lidas.invalidas) problemasDasAncoras.push(`auditoria ADULTERADA: âncora ${inv.arquivo}: ${inv.motivo}`);
      }
      if (!ancoras.length) process.stdout.write(`nenhuma âncora deste banco em ${pasta}: só a cadeia foi conferida (entradas cortadas do fim não aparecem)\n`);
    }
    const r = await verificarCadeia(banco.db, { ancoras, ancora });
    if (r.pendentes) {
      process.stdout.write(
        `${r.pendentes} entrada${r.pendentes === 1 ? '' : 's'} gravada${r.pendentes === 1 ? '' : 's'} aguarda${r.pendentes === 1 ? '' : 'm'} encadeamento (auditoria_pendente): protegida${r.pendentes === 1 ? '' : 's'} contra alteração, entra${r.pendentes === 1 ? '' : 'm'} na cadeia quando uma instância da API a${r.pendentes === 1 ? '' : 's'} encadear\n`,
      );
    }
    if (r.integra && !problemasDasAncoras.length) {
      process.stdout.write(
        r.ultima
          ? `auditoria íntegra: ${r.total} entradas verificadas; última: seq ${r.ultima.seq}, hash ${r.ultima.hash}\n`
          : 'auditoria íntegra: nenhuma entrada ainda\n',
      );
      if (r.ancoras) {
        const maisRecente = ancoras.reduce((x, y) => (y.seq > x.seq ? y : x), ancoras[0] ?? ancora!);
        process.stdout.write(`conferida com ${r.ancoras} âncora${r.ancoras === 1 ? '' : 's'}; a mais recente: seq ${maisRecente.seq}\n`);
      }
      return 0;
    }
    for (const p of r.problemas) process.stdout.write(`auditoria ADULTERADA na entrada ${p.seq}: ${p.motivo}\n`);
    for (const linha of problemasDasAncoras) process.stdout.write(`${linha}\n`);
    const n = r.problemas.length + problemasDasAncoras.length;
    process.stdout.write(`${n} problema${n === 1 ? '' : 's'} encontrado${n === 1 ? '' : 's'} em ${r.total} entradas${r.ancoras ? ` e ${r.ancoras} âncoras` : ''}\n`);
    return 1;
  } finally {
    await banco.fechar();
  }
}
