/**
 * Input error raised by the calendar and prazo engines. `campo` names the
 * offending input field by its API name (e.g. `ciencia`, `dias`, `local.uf`,
 * `diasDecretados[2].data`) so that the CLI and the HTTP API can point at their
 * own argument; `detalhe` is the pt-BR explanation without the field name, and
 * `message` is "campo: detalhe".
 */
export class ErroEntrada extends Error {
  readonly campo: string;
  readonly detalhe: string;
  constructor(campo: string, detalhe: string) {
    super(`${campo}: ${detalhe}`);
    this.name = 'ErroEntrada';
    this.campo = campo;
    this.detalhe = detalhe;
  }
}
