import { Module } from '@nestjs/common';
import { ConfigModule } from '../../../libs/config/src';
import { MailModule } from '../../../libs/mail/src';
import { PersistenceModule } from '../../../libs/persistence/src';

/** The worker's DI container: what activities need (database, mail, config); no HTTP. */
@Module({ imports: [ConfigModule, PersistenceModule, MailModule] })
export class WorkerModule {}
