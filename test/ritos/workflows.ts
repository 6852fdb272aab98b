// The workflow bundle of the rite engine test: rito's workflows plus the test's own rite.
import './rito-de-teste';

export * from '../../workflows';
