import 'reflect-metadata';
import { runSubgraph } from '../../shared/src/run';
import { funding } from './subgraph';

void runSubgraph(funding);
