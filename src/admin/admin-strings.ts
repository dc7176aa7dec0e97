/** Every Chinese message the back office shows, in one place; tests assert codes, not these. */
export const ADMIN_TEXT = Object.freeze({
  loginFailed: '邮箱或密码错误',
  loginLocked: '登录失败次数过多，请稍后再试',
  loginTitle: '管理员登录',
  saved: '已保存',
  created: '商品已创建',
  published: '商品已上架',
  unpublished: '商品已下架',
  deleted: '商品已删除',
  imagesAdded: '图片已上传',
  imageDeleted: '图片已删除',
  imagesReordered: '图片顺序已更新',
  altSaved: '替代文字已保存',
  formHasErrors: '表单有误，请按提示修改',
  required: '必填',
  tooLong: (max: number) => `不能超过 ${max} 个字符`,
  price: '请输入有效价格（元，最多两位小数）',
  integer: '请输入不小于 0 的整数',
  unknownCategory: '请选择有效的分类',
  status: '状态无效',
  variantLine: (n: number) => `第 ${n} 行格式应为：名称 | 价格 | 库存 | SKU（可选）`,
  specLine: (n: number) => `第 ${n} 行格式应为：参数名 | 参数值`,
  tooMany: (max: number) => `最多 ${max} 项`,
  sku: 'SKU 只能包含字母、数字、- 和 _',
  skuTaken: 'SKU 已被其他商品使用',
  altRequired: '每张图片都需要填写替代文字（alt）',
  noFiles: '请选择要上传的图片',
  compareAt: '原价应高于售价',
});

/** The article pages' messages (field messages come from the newsroom's editor, also in Chinese). */
export const ARTICLE_TEXT = Object.freeze({
  created: '文章已创建',
  saved: '文章已保存',
  published: '文章已发布',
  unpublished: '文章已撤回为草稿',
  scheduled: '文章已设为定时发布',
  deleted: '文章已删除',
  imageUploaded: '题图已上传',
  imageRemoved: '题图已移除',
  notFound: '文章不存在或已被删除',
  imageOne: '请只上传一张题图',
  captionTooLong: '图片说明不能超过 500 个字符',
  creditTooLong: '图片来源不能超过 200 个字符',
  altRequired: '请填写图片替代文本（供读屏软件使用）',
  states: { live: '已发布', scheduled: '定时发布', draft: '草稿' } as Record<string, string>,
});

/** The search insight page (top queries, zero-result queries, synonyms, stop words). */
export const SEARCH_TEXT = Object.freeze({
  title: '搜索洞察',
  synonymsSaved: '同义词已保存，下一次搜索即生效',
  stopWordsSaved: '停用词已保存，下一次搜索即生效',
  engineLater: '已保存；搜索服务暂时无法更新设置，将在其恢复后生效',
});
