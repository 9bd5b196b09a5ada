/** Español: trato de usted, neutro (válido en España y en América). */
import type { Catalog } from './en.js';

export const es: Catalog = {
  not_an_image: 'Este archivo no es una imagen que podamos leer. Envíe una foto JPEG, PNG o WebP.',
  unsupported_format: 'Este formato de imagen no es compatible. Envíe una foto JPEG, PNG o WebP.',
  image_too_large: 'La imagen es demasiado grande. Envíe una foto más pequeña (basta con una imagen de la webcam).',
  no_face: 'No se encontró ningún rostro. Mire a la cámara, con toda la cara dentro de la imagen.',
  several_faces: 'Se ve más de un rostro. Asegúrese de que solo usted esté frente a la cámara.',
  face_too_small: 'Su cara está demasiado lejos de la cámara. Acérquese.',
  too_dark: 'La imagen está demasiado oscura. Encienda una luz o póngase frente a una ventana.',
  too_blurry: 'La imagen está borrosa. Quédese quieto y compruebe que la cámara enfoca bien.',
  busy: 'El servidor está verificando otros rostros. Vuelva a intentarlo en un momento.',
  engine_failure:
    'El reconocimiento facial falló con esta imagen. Vuelva a intentarlo; si sigue ocurriendo, avise a quien gestiona el servicio.',
  empty_image: 'La imagen está vacía. Envíe una foto JPEG, PNG o WebP.',
  damaged_image: 'La imagen está dañada o incompleta. Vuelva a tomar o a enviar la foto.',

  challenge_invalid: 'Esta comprobación no pertenece a esta página. Pulse el botón para empezar una nueva.',
  challenge_expired: 'La comprobación tardó demasiado. Pulse el botón para empezar una nueva.',
  challenge_replayed: 'Esta comprobación ya se usó. Pulse el botón para empezar una nueva.',
  challenge_superseded:
    'Se inició una comprobación más reciente en esta página, así que esta ya no cuenta. Pulse el botón para empezar una nueva.',

  not_recognised:
    'No hemos podido reconocerle. Mire a la cámara con buena luz y vuelva a intentarlo; si sigue sin funcionar, puede que aún no esté registrado: pida un enlace de registro.',
  not_live:
    'No hemos podido confirmar que haya una persona real frente a la cámara. Siga las indicaciones de la pantalla: gire la cabeza despacio como se le pide y vuelva a mirar a la cámara.',
  'not_live.too_close':
    'No hemos podido confirmar que haya una persona real frente a la cámara: está demasiado cerca. Aléjese un poco, de modo que toda la cabeza quepa en el óvalo con algo de la habitación alrededor, y vuelva a intentarlo.',
  'not_live.unsteady':
    'No hemos podido confirmar que haya una persona real frente a la cámara. Mantenga la cara dentro del óvalo y gire despacio, solo frente a la cámara y sin moverla; después vuelva a intentarlo.',
  'not_live.wrong_frame_count':
    'La página envió un número de imágenes distinto del que pedía la comprobación. Vuelva a cargar la página e inténtelo de nuevo.',
  account_required:
    'Hay demasiadas personas registradas aquí para reconocerle solo por la cara: escriba el nombre de su cuenta y vuelva a verificar.',
  presentation_attack:
    'Esto parece una foto o una pantalla más que una cara real. Mire usted mismo a la cámara, con luz uniforme, sin pantallas, fotos impresas ni reflejos fuertes a la vista, y vuelva a intentarlo.',
  liveness_required:
    'Este inicio de sesión requiere la comprobación en vivo: pulse «Verificar mi identidad» y siga las indicaciones.',
  ended: 'Demasiados intentos fallidos: este inicio de sesión ha terminado. Le estamos devolviendo a la aplicación.',
  'too_many_attempts.seconds#one': 'Demasiados intentos. Espere {count} segundo y vuelva a intentarlo.',
  'too_many_attempts.seconds#other': 'Demasiados intentos. Espere {count} segundos y vuelva a intentarlo.',
  'too_many_attempts.minutes#one': 'Demasiados intentos. Espere {count} minuto y vuelva a intentarlo.',
  'too_many_attempts.minutes#other': 'Demasiados intentos. Espere {count} minutos y vuelva a intentarlo.',

  enrolled: 'Su rostro ha quedado registrado. Ya puede iniciar sesión con él.',
  invalid_link: 'Este enlace de registro no es válido: puede que haya caducado o que ya se haya usado. Pida uno nuevo.',
  link_spent: 'Este enlace ya no se puede volver a usar: pida uno nuevo a quien se lo envió.',
  liveness_off: 'Este registro toma fotos sencillas, sin comprobación.',
  enrollment_refused: 'Este registro no se puede completar: consulte a quien le envió el enlace.',
  not_same_person: 'Estas imágenes no muestran todas a la misma persona. Vuelva a tomarlas, solo frente a la cámara.',
  not_account_holder:
    'Estas imágenes no coinciden con el rostro ya registrado en esta cuenta: solo su titular puede añadir más. Vuelva a intentarlo con buena luz; para registrar otro rostro en su lugar, pida un enlace que lo sustituya.',
  already_enrolled: 'Este rostro ya está registrado en otra cuenta. Pida ayuda al administrador.',
  too_few_frames:
    'Muy pocas imágenes mostraban su cara de frente. Vuelva a intentarlo mirando a la cámara entre un movimiento y otro.',
  too_few_pictures: 'Envíe al menos {count} imágenes.',

  interaction_expired:
    'Esta página de inicio de sesión ya no es válida: estuvo abierta demasiado tiempo, ya se completó o se abrió en otro navegador.',
  start_again: 'Vuelva a la aplicación e inicie sesión de nuevo.',
  not_waiting_for_face: 'Este inicio de sesión no está esperando un rostro.',
  not_waiting_for_consent: 'Este inicio de sesión no está esperando un consentimiento.',
  other_interaction: 'Esta página pertenece a otro inicio de sesión: vuelva a empezar desde la aplicación.',
  unknown_prompt: 'Este inicio de sesión pide un paso que este servicio no ofrece ({prompt}).',
  server_error: 'El servicio de inicio de sesión tuvo un problema. Vuelva a intentarlo en un momento.',
  temporarily_unavailable:
    'El servicio de inicio de sesión no puede acceder a su almacenamiento. Vuelva a intentarlo en un momento.',
  invalid_client: 'La aplicación que le envió aquí no está registrada en este servicio de inicio de sesión.',
  invalid_redirect_uri: 'La aplicación pidió devolverle a una dirección que no tiene registrada.',
  request_failed: 'No se pudo completar la solicitud.',

  'frames.empty_body': 'La solicitud no contiene ninguna imagen: envíe la imagen de la cámara como cuerpo.',
  'frames.unsupported_media_type':
    'Envíe la imagen como image/jpeg (o varias como multipart/form-data), no como {type}.',
  'frames.untyped_body': 'Envíe la imagen como image/jpeg (o varias como multipart/form-data), con su Content-Type.',
  'frames.no_boundary':
    'El cuerpo multipart no indica boundary en su Content-Type: envíe las imágenes como multipart/form-data con boundary (como hace FormData), o una sola imagen como image/jpeg.',
  'frames.bad_multipart':
    'No se pudo leer el cuerpo multipart (está mal formado o cortado): vuelva a enviar las imágenes como multipart/form-data.',
  'frames.field_too_long': 'El campo «{name}» es demasiado largo: envíe como máximo 256 caracteres.',
  'frames.no_frames': 'La solicitud no contiene ninguna imagen: envíe partes llamadas «frame».',
  'frames.too_many_frames': 'Demasiadas imágenes: envíe como máximo {max}.',
  'frames.too_many_parts': 'Demasiadas partes: envíe como máximo {max} imágenes.',
  'frames.frame_too_large':
    'Una imagen supera los {bytes} bytes: envíe imágenes de webcam (JPEG de unos cientos de kB como mucho).',
  'frames.body_too_large':
    'El envío supera los {bytes} bytes: envíe una imagen de webcam (un JPEG de unos cientos de kB como mucho).',
  'frames.body_unreadable': 'El envío se interrumpió: {reason}',

  'prompt.start': 'Mire a la cámara',
  'prompt.back': 'Vuelva a mirar a la cámara',
  'prompt.left': 'Gire la cabeza despacio hacia su izquierda',
  'prompt.right': 'Gire la cabeza despacio hacia su derecha',
  'prompt.up': 'Levante un poco la cabeza',

  'page.title': '{title} · facegate',
  'page.footer': 'Inicio de sesión con su rostro · sin contraseña, sin guardar fotos',
  'page.brand': 'facegate',

  'camera.preview': 'Vista previa de la cámara',
  'camera.live': 'En vivo',
  'camera.off': 'La cámara está apagada',
  'camera.start': 'Encender la cámara',
  'camera.other_ways': 'Otras formas de iniciar sesión',
  'camera.cannot_use':
    '¿No puede usar una cámara? Pida a quien gestiona la aplicación que le envió aquí otra forma de iniciar sesión.',

  'signin.title': 'Iniciar sesión',
  'signin.to': 'Iniciar sesión en',
  'signin.lead': 'Mire a la cámara: facegate reconoce su rostro. No hace falta contraseña.',
  'signin.start': 'Pulse «Encender la cámara» y después «Verificar mi identidad».',
  'signin.verify': 'Verificar mi identidad',
  'signin.as': 'Iniciando sesión como {account}.',
  'signin.particular_account': 'Iniciar sesión con una cuenta concreta',
  'signin.account_label': 'Nombre de la cuenta',
  'signin.account_hint': 'Solo se comprobará esta cuenta.',
  'signin.cancel': 'Cancelar y volver a {client}',
  'signin.privacy': 'Su imagen se comprueba y se descarta: facegate no guarda ninguna foto suya.',

  'enroll.title': 'Registrar su rostro',
  'enroll.account': 'Cuenta {account}',
  'enroll.lead_live':
    'Una breve comprobación: siga las indicaciones y gire la cabeza como se le pide. Después podrá iniciar sesión con su rostro.',
  'enroll.lead_live_named':
    '{name}, una breve comprobación: siga las indicaciones y gire la cabeza como se le pide. Después podrá iniciar sesión con su rostro.',
  'enroll.lead_plain': 'Tome {count} fotos con unos instantes entre ellas. Después podrá iniciar sesión con su rostro.',
  'enroll.lead_plain_named':
    '{name}, tome {count} fotos con unos instantes entre ellas. Después podrá iniciar sesión con su rostro.',
  'enroll.replaces':
    'Este enlace sustituye el rostro registrado en esta cuenta: las fotos que tome pasarán a ser su único rostro.',
  'enroll.adds':
    'Esta cuenta ya tiene un rostro registrado: estas fotos solo se añadirán si muestran a la misma persona.',
  'enroll.valid_until': 'Este enlace es válido hasta el {date}.',
  'enroll.name_label': 'Su nombre',
  'enroll.name_placeholder': 'Cómo deben saludarle las aplicaciones',
  'enroll.start_live': 'Pulse «Encender la cámara» y después «Empezar la comprobación».',
  'enroll.start_plain': 'Pulse «Encender la cámara», mírela de frente y después pulse «Tomar fotos».',
  'enroll.check': 'Empezar la comprobación',
  'enroll.take': 'Tomar {count} fotos',
  'enroll.done': 'Registrado',
  'enroll.privacy': 'Guardamos números calculados a partir de estas fotos, nunca las fotos en sí.',
  'enroll.link_broken': 'Este enlace de registro no funciona',

  'consent.title': 'Permitir el acceso',
  'consent.signed_in_as': 'Sesión iniciada como {account}',
  'consent.heading': '{client} solicita acceso',
  'consent.lead': 'Permitir que {client} vea:',
  'consent.deny': 'Denegar',
  'consent.allow': 'Permitir',
  'consent.privacy':
    'Puede cerrar la sesión en {client} en cualquier momento; hasta entonces conserva lo que haya recibido.',
  'scope.openid': 'Quién es usted',
  'scope.openid.detail': 'Un identificador de su cuenta, y que inició sesión con su rostro.',
  'scope.profile': 'Su perfil',
  'scope.profile.detail': 'Su nombre y su foto de perfil.',
  'scope.email': 'Su dirección de correo electrónico',
  'scope.email.detail': 'Y si está verificada.',
  'scope.offline_access': 'Acceso mientras no está',
  'scope.offline_access.detail': 'Puede seguir conectada a su cuenta hasta que usted cierre la sesión en ella.',
  'scope.other.detail': 'Un permiso definido por esta aplicación.',
  'claims.title': 'Datos sobre usted',
  'claims.detail': 'Además, {claims}.',
  'claim.name': 'su nombre',
  'claim.given_name': 'su nombre de pila',
  'claim.family_name': 'sus apellidos',
  'claim.email': 'su dirección de correo electrónico',
  'claim.email_verified': 'si su correo electrónico está verificado',
  'claim.picture': 'su foto de perfil',

  'error.title': 'Error al iniciar sesión',
  'error.heading': 'Este inicio de sesión no puede continuar',
  'error.expired_title': 'Inicio de sesión caducado',
  'error.expired_heading': 'Este inicio de sesión ha caducado',
  'error.enroll_title': 'Registro',
  'error.advice':
    'Vuelva a la aplicación de la que venía y empiece de nuevo. Si sigue ocurriendo, indique a su administrador el código de error que aparece abajo.',
  'error.code': 'Código de error',

  'logout.title': 'Cerrar sesión',
  'logout.heading': '¿Cerrar la sesión en facegate?',
  'logout.asked_by': '{client} solicita cerrar su sesión.',
  'logout.lead': 'Para volver a iniciar sesión necesitará su rostro.',
  'logout.stay': 'No, mantener la sesión',
  'logout.confirm': 'Sí, cerrar la sesión',
  'logged_out.title': 'Sesión cerrada',
  'logged_out.lead': 'Ha cerrado la sesión en facegate.',
  'logged_out.lead_client': 'Ha cerrado la sesión en facegate y en {client}.',
  'logged_out.close': 'Ya puede cerrar esta ventana.',

  'script.camera_refused':
    'Se denegó el acceso a la cámara. Permita la cámara para este sitio (el icono de la cámara en la barra de direcciones o la configuración del sitio en el navegador) y vuelva a pulsar «Encender la cámara».',
  'script.camera_blocked':
    'Se denegó el acceso a la cámara. Permita la cámara para este sitio en la configuración del navegador y vuelva a pulsar «Encender la cámara».',
  'script.camera_missing': 'No se encontró ninguna cámara. Conecte una y vuelva a pulsar «Encender la cámara».',
  'script.camera_unsuitable':
    'No se encontró ninguna cámara adecuada. Conecte una y vuelva a pulsar «Encender la cámara».',
  'script.camera_in_use': 'Otra aplicación está usando la cámara. Ciérrela y vuelva a pulsar «Encender la cámara».',
  'script.camera_aborted': 'La cámara no pudo encenderse. Vuelva a pulsar «Encender la cámara».',
  'script.camera_failed': 'La cámara no pudo encenderse ({reason}). Vuelva a pulsar «Encender la cámara».',
  'script.insecure_page':
    'Las cámaras solo funcionan en páginas seguras. Abra esta página por https (o en localhost); pida a quien gestiona el sitio que configure https.',
  'script.no_camera_api':
    'Este navegador no puede usar una cámara. Pruebe con una versión reciente de Chrome, Edge, Firefox o Safari.',
  'script.camera_starting': 'Encendiendo la cámara…',
  'script.unreachable':
    'No se pudo contactar con el servicio de inicio de sesión. Compruebe su conexión y vuelva a intentarlo.',
  'script.went_wrong': 'Algo salió mal (HTTP {status}). Vuelva a intentarlo.',
  'script.follow_prompts': 'Siga las indicaciones sobre la imagen.',
  'script.signin_ready': 'Centre la cara en el óvalo y pulse «Verificar mi identidad».',
  'script.taking_picture': 'Tomando la foto…',
  'script.checking_face': 'Comprobando su rostro…',
  'script.recognised': 'Reconocido. Iniciando sesión…',
  'script.crowded': 'Hay muchas personas iniciando sesión ahora mismo: un momento…',
  'script.attempts_left#one': 'Queda {count} intento.',
  'script.attempts_left#other': 'Quedan {count} intentos.',
  'script.enroll_ready': 'Mire de frente a la cámara y pulse «Tomar fotos».',
  'script.enroll_ready_live': 'Mire de frente a la cámara y pulse «Empezar la comprobación».',
  'script.picture_hold': 'Foto {number} de {count}: no se mueva…',
  'script.getting_ready': 'Preparando…',
  'script.check_failed': 'La comprobación no pudo empezar. Vuelva a intentarlo.',
  'script.checking_pictures': 'Comprobando sus fotos…',
  'script.picture_refused': 'Foto {number}: {message}',
  // Consentimiento para conservar el rostro, y plazo de conservación (incidencia 15, puntos 1 y 2; rama consent).
  'consent.face.heading': 'Sus datos faciales',
  'consent.face.kept':
    'Para iniciar su sesión guardamos una plantilla de su rostro: números calculados a partir de fotos de su cara. Las fotos en sí no se guardan.',
  'consent.face.kept_days#one': 'La plantilla se borra si no inicia sesión durante {count} día.',
  'consent.face.kept_days#other': 'La plantilla se borra si no inicia sesión durante {count} días.',
  'consent.face.kept_until_deleted':
    'La plantilla se guarda hasta que usted pida borrarla o el operador elimine su cuenta.',
  'consent.face.operator': 'Este servicio lo gestiona {operator}.',
  'consent.face.delete':
    'Para que se borren sus datos faciales o para retirar su consentimiento, diríjase a {operator}.',
  'consent.face.policy': 'Leer la política de privacidad completa',
  'consent.face.version': 'Versión de la política: {version}.',
  'consent.face.agree':
    'Acepto que se guarde la plantilla de mi rostro y se use para iniciar mi sesión, como se describe arriba.',
  'consent.face.tick_first':
    'Marque primero la casilla para dar su consentimiento: la cámara solo se enciende después.',
  'consent.required':
    'El registro necesita su consentimiento: marque la casilla que acepta guardar la plantilla de su rostro y vuelva a intentarlo.',
  'consent.outdated':
    'La política de privacidad ha cambiado desde que se abrió esta página. Vuelva a cargarla, léala y marque de nuevo la casilla.',
  'consent.again.title': 'Su consentimiento',
  'consent.again.heading': 'La política de privacidad de sus datos faciales ha cambiado',
  'consent.again.lead':
    'Hemos reconocido su rostro. Antes de continuar a {client}, lea la nueva versión e indique si la acepta.',
  'consent.again.continue': 'Continuar',
  'consent.again.decline': 'No acepto',
  'consent.again.decline_hint':
    'Si no acepta, este inicio de sesión termina y se comunica a {client} que se denegó el acceso.',
  'consent.again.not_waiting':
    'Este inicio de sesión no está esperando su consentimiento. Vuelva a la aplicación e inicie sesión de nuevo.',
  // The /account page (the person's own page: their face, sign-ins, data, deletion).
  'account.title': 'Su cuenta',
  'account.signed_in_as': 'Sesión iniciada como {account}',
  'account.faces_heading': 'Su rostro',
  'account.templates#one': '{count} plantilla',
  'account.templates#other': '{count} plantillas',
  'account.enrolled_at': 'Registrado el {date}',
  'account.model': 'Modelo facial: {model}',
  'account.through_invitation': 'Mediante el enlace de registro {invitation}',
  'account.through_command': 'Por el operador, a partir de fotos (facegate enroll)',
  'account.through_carry_over': 'Traspasado en un inicio de sesión desde el modelo anterior {model}',
  'account.through_unknown': 'Cómo se registró ya no consta en el registro de auditoría',
  'account.no_faces': 'Esta cuenta no tiene ningún rostro registrado.',
  'account.add_face': 'Añadir un registro nuevo',
  'account.add_face_hint':
    'Toma fotos nuevas con la cámara y las añade a su rostro en cuanto coinciden con él. Ayuda si hoy se ve distinto que cuando se registró.',
  'account.signins_heading': 'Sus últimos inicios de sesión',
  'account.when': 'Cuándo',
  'account.client': 'Aplicación',
  'account.result': 'Resultado',
  'account.ip': 'Dirección IP',
  'account.this_page': 'Esta página',
  'account.accepted': 'Sesión iniciada',
  'account.refused': 'Rechazado ({reason})',
  'account.no_signins': 'Todavía no consta ningún inicio de sesión.',
  'account.data_heading': 'Sus datos',
  'account.data_lead':
    'Descargue en un archivo JSON todo lo que se guarda sobre usted: su cuenta, los detalles de sus plantillas faciales y el registro de auditoría de sus inicios de sesión y registros.',
  'account.with_embeddings': 'Incluir las propias plantillas faciales (listas de números)',
  'account.download': 'Descargar mis datos',
  'account.delete_heading': 'Eliminar su rostro',
  'account.delete_lead':
    'Elimina todas las plantillas faciales guardadas de usted y cierra su sesión en todas partes. Después solo podrá iniciar sesión con su rostro tras un registro nuevo.',
  'account.delete_face': 'Eliminar mi rostro…',
  'account.delete_title': '¿Eliminar su rostro?',
  'account.delete_confirm_lead': 'No se puede deshacer. En cuanto confirme:',
  'account.delete_consequence_templates': 'se eliminan todas las plantillas faciales de su cuenta;',
  'account.delete_consequence_sessions':
    'se cierra su sesión en todas las aplicaciones, y sus sesiones y tokens dejan de funcionar;',
  'account.delete_consequence_enrol':
    'solo podrá volver a iniciar sesión con su rostro con un nuevo enlace de registro del operador;',
  'account.delete_consequence_kept':
    'su nombre y su correo se conservan, y el registro de auditoría guarda sus entradas durante su periodo de conservación.',
  'account.delete_cancel': 'Conservar mi rostro',
  'account.delete_confirm': 'Eliminar mi rostro',
  'account.deleted_title': 'Su rostro se ha eliminado',
  'account.deleted_templates#one': 'Se eliminó {count} plantilla facial.',
  'account.deleted_templates#other': 'Se eliminaron {count} plantillas faciales.',
  'account.deleted_signed_out': 'Se ha cerrado su sesión en todas las aplicaciones.',
  'account.deleted_enrol_again':
    'Para volver a iniciar sesión con su rostro, pida al operador un nuevo enlace de registro.',
  'account.signed_out':
    'Su sesión en esta página ha terminado. Vuelva a abrir la página de su cuenta e inicie sesión con su rostro.',
  'account.sign_in_failed':
    'No se pudo completar el inicio de sesión en la página de su cuenta. Vuelva a abrirla e inicie sesión con su rostro.',
  'account.sign_in_cancelled':
    'El inicio de sesión en la página de su cuenta se canceló o fue rechazado. Vuelva a abrirla para intentarlo de nuevo.',
  'account.consent_heading': 'Su consentimiento',
  'account.consent_given': 'Dio su consentimiento a la versión {version} de la política el {date}.',
  'account.consent_on_enrolment': 'Otorgado en la página de registro.',
  'account.consent_at_sign_in': 'Otorgado de nuevo al iniciar sesión, tras un cambio de la política.',
  'account.consent_by_operator': 'Anotado por el operador que le registró a partir de fotos: {statement}',
  'account.no_consent': 'No consta ningún consentimiento: su rostro se registró antes de que facegate lo pidiera.',
  'account.gone': 'Esta cuenta ya no existe.',
  'account.no_face': 'Esta cuenta no tiene ningún rostro registrado: pida al operador un enlace de registro.',

  // Llaves de acceso (issue 16): junto a la cara en la página de inicio de sesión, ofrecidas tras la cara en el registro.
  'passkey.other_way': 'Usar una llave de acceso',
  'passkey.other_way_hint':
    'Una llave de acceso que añadió después de registrar su cara: en este dispositivo, un teléfono cercano o una llave de seguridad.',
  'passkey.second_step': 'Esta aplicación pide su cara y después su llave de acceso.',
  'passkey.use': 'Usar mi llave de acceso',
  'passkey.offer_title': 'Añadir una llave de acceso (opcional)',
  'passkey.offer_lead':
    'Una llave de acceso le permite iniciar sesión cuando la cámara no puede, y a las aplicaciones que piden más, comprobar juntas su cara y su llave. Esta página puede añadir una durante los próximos 10 minutos.',
  'passkey.add': 'Añadir una llave de acceso',
  'passkey.refused':
    'Esta llave de acceso no fue aceptada. Inténtelo de nuevo o use otra llave de acceso de su cuenta.',
  'passkey.other_account':
    'Esta llave de acceso pertenece a otra cuenta distinta de la de la cara que se acaba de reconocer. Use su propia llave de acceso.',
  'passkey.start_again':
    'Esta solicitud de llave de acceso ha caducado o ya fue respondida. Pulse el botón para empezar de nuevo.',
  'passkey.exists': 'Esta llave de acceso ya está registrada.',
  'passkey.grant_invalid':
    'Esta página ya no puede añadir una llave de acceso: puede añadir una sola, en los 10 minutos siguientes al registro de su cara.',
  'passkey.not_offered': 'No se acepta una llave de acceso para este inicio de sesión: la aplicación pide su cara.',
  'passkey.not_face': 'Esta aplicación pide una llave de acceso, no su cara: pulse «Usar una llave de acceso».',
  'passkey.face_first': 'Muestre primero su cara: esta aplicación pide su cara y después su llave de acceso.',
  'passkey.face_done': 'Su cara ha sido reconocida. Use ahora su llave de acceso para terminar de iniciar sesión.',
  'passkey.account_heading': 'Sus llaves de acceso',
  'passkey.account_added': 'Añadida el {date}',
  'passkey.account_last_used': 'Usada por última vez el {date}',
  'passkey.account_never_used': 'Aún no se ha usado',
  'passkey.account_remove': 'Quitar esta llave de acceso',
  'passkey.account_none': 'No hay ninguna llave de acceso registrada en su cuenta.',
  'passkey.account_hint':
    'Borrar su cara no borra sus llaves de acceso: quítelas aquí. Una llave de acceso se añade en la página de registro, justo después de su cara.',
  'passkey.script.waiting': 'Siga las indicaciones de su navegador para usar su llave de acceso…',
  'passkey.script.creating': 'Siga las indicaciones de su navegador para crear su llave de acceso…',
  'passkey.script.checking': 'Comprobando su llave de acceso…',
  'passkey.script.accepted': 'Llave de acceso aceptada. Iniciando sesión…',
  'passkey.script.added': 'Su llave de acceso está añadida. Podrá iniciar sesión con ella cuando la cámara no pueda.',
  'passkey.script.cancelled': 'Se cerró la ventana de la llave de acceso. Pulse el botón para intentarlo de nuevo.',
  'passkey.script.unsupported':
    'Este navegador no puede usar llaves de acceso. Pruebe una versión reciente de Chrome, Edge, Firefox o Safari.',
};
