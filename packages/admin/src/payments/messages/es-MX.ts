import type { Messages } from '@aldea/core';
import type { PaymentsMessageKey } from './en.js';

/** Los textos de la pantalla de cobros en español de México. */
export const paymentsEsMX: Messages<PaymentsMessageKey> = {
  'payments.title': 'Cobros',
  'payments.methods': 'Cómo te pagan',
  'payments.methodsHint': 'Los compradores ven las formas que marques aquí, con tus instrucciones.',
  'payments.card': 'Tarjeta (con Stripe)',
  'payments.cardUnavailable':
    'Los pagos con tarjeta no están activados en esta plataforma: los compradores solo ven las otras formas.',
  'payments.atLeastOne': 'Marca al menos una forma de pago.',
  'payments.instructions': 'Instrucciones en {language}',
  'payments.instructionsHint.bank_transfer':
    'Banco, titular, número de cuenta o CLABE. El comprador agrega la referencia del pedido.',
  'payments.instructionsHint.cash': 'Quién recibe el dinero y cómo.',
  'payments.instructionsHint.pay_at_coop': 'Dónde está la cooperativa y cuándo abre.',
  'payments.holdDays': 'Días para esperar una transferencia o el efectivo',
  'payments.holdDaysHint':
    'Los artículos quedan apartados para el comprador ese tiempo; después el pedido vence.',
  'payments.holdDaysInvalid': 'Escribe días enteros del 1 al 30.',
  'payments.notifyEmail': 'Correo para pedidos nuevos (opcional)',
  'payments.notifyEmailHint':
    'Te escribimos aquí cuando alguien compra. Vacío: el correo de los dueños de la tienda.',
  'payments.stripe': 'Cuenta de Stripe',
  'payments.stripeHint':
    'Tu cuenta conectada de Stripe, para que los pagos con tarjeta te lleguen directo. Se ve como acct_1AbC…; déjala vacía para que te pague la plataforma.',
  'payments.stripeAccount': 'Id de la cuenta conectada',
  'payments.stripeInvalid':
    'Un id de cuenta conectada de Stripe empieza con acct_ seguido de letras y números.',
  'payments.stripeNow': 'Los pagos con tarjeta van a {account}.',
  'payments.stripeNone': 'Los pagos con tarjeta van a la plataforma, que luego te paga.',
  'payments.platformFee': 'Comisión de la plataforma en pagos con tarjeta: {rate}.',
};
