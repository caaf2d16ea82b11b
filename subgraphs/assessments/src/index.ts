import 'reflect-metadata';
import { runSubgraph } from '../../shared/src/run';
import { assessments } from './subgraph';

void runSubgraph(assessments);
