import type { Knex } from 'knex';

/**
 * Commerce: carts (keyed by a hash of the shopper's cookie), orders with their lines and status
 * history, the notification outbox (written in the order's transaction), shop settings and the
 * order-lookup throttle. Money is integer fen; timestamps are epoch ms in bigint columns, so the
 * arithmetic is the same on SQLite and PostgreSQL.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('carts'))) {
    await knex.schema.createTable('carts', (t) => {
      t.string('id', 64).primary(); // SHA-256 of the cookie value
      t.bigInteger('created_at').notNullable();
      t.bigInteger('updated_at').notNullable();
      t.index(['updated_at']);
    });
  }
  if (!(await knex.schema.hasTable('cart_items'))) {
    await knex.schema.createTable('cart_items', (t) => {
      t.increments('id');
      t.string('cart_id', 64).notNullable().references('id').inTable('carts').onDelete('CASCADE');
      // No foreign keys to products/variants: a deleted product must leave a line that says why.
      t.integer('product_id').notNullable();
      t.integer('variant_id').notNullable().defaultTo(0); // 0 = the product has no variants
      t.integer('qty').notNullable();
      t.bigInteger('added_at').notNullable();
      t.unique(['cart_id', 'product_id', 'variant_id']);
    });
  }
  if (!(await knex.schema.hasTable('orders'))) {
    await knex.schema.createTable('orders', (t) => {
      t.increments('id');
      t.string('number', 20).notNullable().unique();
      // The checkout form's hidden key: a double submit or a retry finds the order it already made.
      t.string('idempotency_key', 64).notNullable().unique();
      t.string('cart_id', 64).notNullable();
      t.string('status', 16).notNullable(); // pending | paid | shipped | completed | cancelled
      t.string('payment', 16).notNullable();
      t.string('name', 40).notNullable();
      t.string('phone', 11).notNullable();
      t.string('email', 254).notNullable().defaultTo('');
      t.string('province', 40).notNullable();
      t.string('city', 40).notNullable();
      t.string('district', 40).notNullable();
      t.string('address', 200).notNullable();
      t.string('note', 500).notNullable().defaultTo('');
      t.integer('items_fen').notNullable();
      t.integer('delivery_fen').notNullable();
      t.integer('total_fen').notNullable();
      t.string('carrier', 40).nullable();
      t.string('tracking_no', 60).nullable();
      t.bigInteger('created_at').notNullable();
      t.bigInteger('updated_at').notNullable();
      t.index(['status', 'created_at']);
      t.index(['created_at']);
      t.index(['phone']);
    });
  }
  if (!(await knex.schema.hasTable('order_items'))) {
    await knex.schema.createTable('order_items', (t) => {
      t.increments('id');
      t.integer('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE');
      t.integer('product_id').notNullable();
      t.integer('variant_id').notNullable().defaultTo(0);
      // What the shopper bought, as it was then: titles and prices change later.
      t.string('title', 300).notNullable();
      t.string('variant_label', 60).notNullable().defaultTo('');
      t.string('slug', 160).notNullable();
      t.integer('unit_fen').notNullable();
      t.integer('qty').notNullable();
      t.index(['order_id']);
    });
  }
  if (!(await knex.schema.hasTable('order_events'))) {
    await knex.schema.createTable('order_events', (t) => {
      t.increments('id');
      t.integer('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE');
      t.string('from_status', 16).nullable();
      t.string('to_status', 16).notNullable();
      t.integer('admin_id').nullable(); // null = the shopper placed it
      t.string('admin_email', 254).notNullable().defaultTo('');
      t.string('detail', 200).notNullable().defaultTo('');
      t.bigInteger('at').notNullable();
      t.index(['order_id', 'id']);
    });
  }
  if (!(await knex.schema.hasTable('notification_outbox'))) {
    await knex.schema.createTable('notification_outbox', (t) => {
      t.increments('id');
      t.string('kind', 32).notNullable(); // order_placed | order_shipped
      t.string('recipient', 254).notNullable(); // an e-mail address, or '' when the shopper left none
      t.string('subject', 200).notNullable();
      t.text('body').notNullable();
      t.integer('order_id').nullable();
      t.integer('attempts').notNullable().defaultTo(0);
      t.bigInteger('next_attempt_at').notNullable().defaultTo(0);
      t.bigInteger('sent_at').nullable();
      t.text('last_error').nullable();
      t.bigInteger('created_at').notNullable();
      t.index(['sent_at', 'next_attempt_at']);
    });
  }
  if (!(await knex.schema.hasTable('shop_settings'))) {
    await knex.schema.createTable('shop_settings', (t) => {
      t.string('key', 40).primary();
      t.string('value', 300).notNullable();
    });
    await knex('shop_settings').insert([
      { key: 'delivery_fee_fen', value: '1000' },
      { key: 'free_shipping_fen', value: '19900' },
      { key: 'bank_name', value: '中国工商银行 深圳南山支行' },
      { key: 'bank_account_name', value: '深圳汽配商贸有限公司' },
      { key: 'bank_account_no', value: '4000 0000 0000 0000 000' },
      { key: 'notify_email', value: 'orders@qipei.example' },
    ]);
  }
  // One row per throttled key (`lookup:<ip>`), counted with an atomic upsert.
  if (!(await knex.schema.hasTable('order_lookup_throttle'))) {
    await knex.schema.createTable('order_lookup_throttle', (t) => {
      t.string('key', 120).primary();
      t.integer('count').notNullable();
      t.bigInteger('window_start').notNullable();
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['order_lookup_throttle', 'shop_settings', 'notification_outbox', 'order_events', 'order_items', 'orders', 'cart_items', 'carts']) {
    await knex.schema.dropTableIfExists(table);
  }
}
