import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ItemsModule } from '../items/items.module';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';

/** The signed links in the lead agency's mails (ADR 0011): read the item and act without a login. */
@Module({
  imports: [ItemsModule, AgenciesModule],
  controllers: [LinksController],
  providers: [LinksService],
})
export class LinksModule {}
