import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { NoticesController } from './notices.controller';
import { NoticeParser } from './notice-parser';
import { NoticesService } from './notices.service';

@Module({
  imports: [ItemsModule],
  controllers: [NoticesController],
  providers: [NoticesService, NoticeParser],
})
export class NoticesModule {}
