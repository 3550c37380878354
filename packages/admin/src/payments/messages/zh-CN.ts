import type { Messages } from '@aldea/core';
import type { PaymentsMessageKey } from './en.js';

/** 收款设置页面的简体中文文字。 */
export const paymentsZhCN: Messages<PaymentsMessageKey> = {
  'payments.title': '收款',
  'payments.methods': '买家怎么付款',
  'payments.methodsHint': '买家会看到您勾选的付款方式和您写的说明。',
  'payments.card': '银行卡（通过 Stripe）',
  'payments.cardUnavailable': '这个平台还没有开通银行卡付款：买家只能看到其他付款方式。',
  'payments.atLeastOne': '请至少勾选一种付款方式。',
  'payments.instructions': '{language}说明',
  'payments.instructionsHint.bank_transfer': '开户银行、户名、账号。买家转账时会附上订单号。',
  'payments.instructionsHint.cash': '谁来收钱，怎么收。',
  'payments.instructionsHint.pay_at_coop': '合作社在哪里，什么时候开门。',
  'payments.holdDays': '等待转账或现金付款的天数',
  'payments.holdDaysHint': '在这段时间里商品为买家保留；之后订单会过期。',
  'payments.holdDaysInvalid': '请填写 1 到 30 之间的整数天数。',
  'payments.notifyEmail': '接收新订单通知的邮箱（可不填）',
  'payments.notifyEmailHint': '有买家下单时我们会发邮件到这里。不填则发到店主账户的邮箱。',
  'payments.stripe': 'Stripe 账户',
  'payments.stripeHint':
    '您的 Stripe 关联账户，银行卡付款会直接到您这里。格式类似 acct_1AbC…；不填则由平台收款后再付给您。',
  'payments.stripeAccount': '关联账户 ID',
  'payments.stripeInvalid': 'Stripe 关联账户 ID 以 acct_ 开头，后面是字母和数字。',
  'payments.stripeNow': '银行卡付款会付到 {account}。',
  'payments.stripeNone': '银行卡付款先付给平台，再由平台付给您。',
  'payments.platformFee': '银行卡付款的平台服务费：{rate}。',
};
