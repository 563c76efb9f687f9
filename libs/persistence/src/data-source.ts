// Entry point of the TypeORM CLI (npm run migration:*); the apps build their own DataSource.
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/src/app-config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
