import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ItemCommandsService } from './item-commands.service';
import { ItemReconciler } from './item-reconciler';
import { ItemWorkflowStarter } from './item-workflow-starter';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

@Module({
  imports: [AgenciesModule],
  controllers: [ItemsController],
  providers: [ItemsService, ItemCommandsService, ItemWorkflowStarter, ItemReconciler],
  exports: [ItemsService, ItemCommandsService, ItemWorkflowStarter],
})
export class ItemsModule {}

// What other features may use: through this module, not the feature's files.
export { ItemWorkflowStarter } from './item-workflow-starter';
export { ItemCommandsService } from './item-commands.service';
export { ExtensionRequestDto, ListItemsQuery, ProgressDto, SubmitDto } from './dto/item.dto';
export { ItemsService } from './items.service';
export { ItemResponse } from '../common/item-response';
