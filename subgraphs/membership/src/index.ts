import 'reflect-metadata';
import { runSubgraph } from '../../shared/src/run';
import { membership } from './subgraph';

void runSubgraph(membership);
