/** Français : la personne est vouvoyée ; espaces insécables avant « : ; ? ! » et dans les guillemets. */
import type { Catalog } from './en.js';

export const fr: Catalog = {
  not_an_image: 'Ce fichier n’est pas une image que nous savons lire. Envoyez une photo JPEG, PNG ou WebP.',
  unsupported_format: 'Ce format d’image n’est pas pris en charge. Envoyez une photo JPEG, PNG ou WebP.',
  image_too_large: 'Cette image est trop grande. Envoyez une photo plus petite (une image de webcam suffit).',
  no_face: 'Aucun visage n’a été trouvé. Regardez la caméra, le visage entier dans le cadre.',
  several_faces: 'Plusieurs visages sont visibles. Assurez-vous d’être seul ou seule devant la caméra.',
  face_too_small: 'Votre visage est trop loin de la caméra. Rapprochez-vous.',
  too_dark: 'L’image est trop sombre. Allumez une lumière ou placez-vous face à une fenêtre.',
  too_blurry: 'L’image est floue. Ne bougez plus et vérifiez que la caméra fait la mise au point.',
  busy: 'Le serveur vérifie d’autres visages en ce moment. Réessayez dans un instant.',
  engine_failure:
    'La reconnaissance faciale a échoué sur cette image. Réessayez ; si cela se reproduit, prévenez l’exploitant du service.',
  empty_image: 'L’image est vide. Envoyez une photo JPEG, PNG ou WebP.',
  damaged_image: 'Cette image est endommagée ou incomplète. Reprenez ou renvoyez la photo.',

  challenge_invalid:
    'Cette vérification n’appartient pas à cette page. Appuyez sur le bouton pour en commencer une nouvelle.',
  challenge_expired: 'La vérification a pris trop de temps. Appuyez sur le bouton pour en commencer une nouvelle.',
  challenge_replayed: 'Cette vérification a déjà servi. Appuyez sur le bouton pour en commencer une nouvelle.',
  challenge_superseded:
    'Une vérification plus récente a été lancée pour cette page : celle-ci ne compte plus. Appuyez sur le bouton pour en commencer une nouvelle.',

  not_recognised:
    'Nous n’avons pas pu vous reconnaître. Placez-vous face à la caméra, dans un bon éclairage, et réessayez. Si l’échec persiste, vous n’êtes peut-être pas encore inscrit : demandez un lien d’inscription.',
  not_live:
    'Nous n’avons pas pu confirmer la présence d’une personne réelle. Suivez les consignes à l’écran : tournez lentement la tête comme demandé, puis revenez face à la caméra.',
  'not_live.too_close':
    'Nous n’avons pas pu confirmer la présence d’une personne réelle : vous êtes trop près de la caméra. Reculez un peu, pour que toute votre tête tienne dans l’ovale avec un peu de la pièce autour, et réessayez.',
  'not_live.unsteady':
    'Nous n’avons pas pu confirmer la présence d’une personne réelle. Gardez le visage dans l’ovale et tournez lentement la tête, seul ou seule devant la caméra, sans bouger la caméra ; puis réessayez.',
  'not_live.wrong_frame_count':
    'La page a envoyé un nombre d’images différent de celui demandé par la vérification. Rechargez la page et réessayez.',
  account_required:
    'Trop de personnes sont inscrites ici pour vous reconnaître à votre seul visage : saisissez le nom de votre compte, puis lancez à nouveau la vérification.',
  presentation_attack:
    'Cela ressemble à une photo ou à un écran plutôt qu’à un visage réel. Placez-vous vous-même face à la caméra, dans une lumière égale, sans écran, tirage papier ni reflet marqué dans le champ, et réessayez.',
  liveness_required:
    'Cette connexion demande la vérification en direct : appuyez sur « Vérifier mon identité » et suivez les consignes.',
  ended: 'Trop de tentatives ont échoué : cette connexion est terminée. Vous allez être renvoyé vers l’application.',
  'too_many_attempts.seconds#one': 'Trop de tentatives. Attendez {count} seconde, puis réessayez.',
  'too_many_attempts.seconds#other': 'Trop de tentatives. Attendez {count} secondes, puis réessayez.',
  'too_many_attempts.minutes#one': 'Trop de tentatives. Attendez {count} minute, puis réessayez.',
  'too_many_attempts.minutes#other': 'Trop de tentatives. Attendez {count} minutes, puis réessayez.',

  enrolled: 'Votre visage est enregistré. Vous pouvez désormais vous connecter avec.',
  invalid_link: 'Ce lien d’inscription n’est pas valide : il a peut-être expiré ou déjà servi. Demandez-en un nouveau.',
  link_spent: 'Ce lien ne peut plus servir : demandez-en un nouveau à la personne qui vous l’a envoyé.',
  liveness_off: 'Cette inscription prend de simples photos, sans vérification.',
  enrollment_refused: 'Cette inscription ne peut pas aboutir : adressez-vous à la personne qui vous a envoyé le lien.',
  not_same_person: 'Ces images ne montrent pas toutes la même personne. Reprenez-les, seul ou seule devant la caméra.',
  not_account_holder:
    'Ces images ne correspondent pas au visage déjà enregistré pour ce compte : seul son titulaire peut en ajouter. Réessayez dans un bon éclairage ; pour enregistrer un autre visage à la place, demandez un lien qui remplace l’actuel.',
  already_enrolled: 'Ce visage est déjà enregistré sous un autre compte. Demandez de l’aide à l’administrateur.',
  too_few_frames:
    'Trop peu d’images montraient votre visage de face. Réessayez en regardant la caméra entre les mouvements.',
  too_few_pictures: 'Envoyez au moins {count} images.',

  interaction_expired:
    'Cette page de connexion n’est plus valide : elle est restée ouverte trop longtemps, a déjà abouti ou a été ouverte dans un autre navigateur.',
  start_again: 'Retournez à l’application et connectez-vous à nouveau.',
  not_waiting_for_face: 'Cette connexion n’attend pas de visage pour le moment.',
  not_waiting_for_consent: 'Cette connexion n’attend pas de consentement pour le moment.',
  other_interaction: 'Cette page appartient à une autre connexion : recommencez depuis l’application.',
  unknown_prompt: 'Cette connexion demande une étape que ce service ne propose pas ({prompt}).',
  server_error: 'Le service de connexion a rencontré un problème. Réessayez dans un instant.',
  temporarily_unavailable: 'Le service de connexion n’accède plus à son stockage. Réessayez dans un instant.',
  invalid_client: 'L’application qui vous a envoyé ici n’est pas enregistrée auprès de ce service de connexion.',
  invalid_redirect_uri: 'L’application a demandé à vous renvoyer vers une adresse qu’elle n’a pas déclarée.',
  request_failed: 'La requête n’a pas pu aboutir.',

  'frames.empty_body': 'La requête ne contient pas d’image : envoyez l’image de la caméra comme corps de la requête.',
  'frames.unsupported_media_type':
    'Envoyez l’image en image/jpeg (ou plusieurs en multipart/form-data), pas en {type}.',
  'frames.untyped_body': 'Envoyez l’image en image/jpeg (ou plusieurs en multipart/form-data), avec son Content-Type.',
  'frames.no_boundary':
    'Le corps multipart n’a pas de boundary dans son Content-Type : envoyez les images en multipart/form-data avec une boundary (comme le fait FormData), ou une seule image en image/jpeg.',
  'frames.bad_multipart':
    'Le corps multipart est illisible (mal formé ou tronqué) : renvoyez les images en multipart/form-data.',
  'frames.field_too_long': 'Le champ « {name} » est trop long : envoyez au plus 256 caractères.',
  'frames.no_frames': 'La requête ne contient aucune image : envoyez des parties nommées « frame ».',
  'frames.too_many_frames': 'Trop d’images : envoyez-en au plus {max}.',
  'frames.too_many_parts': 'Trop de parties : envoyez au plus {max} images.',
  'frames.frame_too_large':
    'Une image dépasse {bytes} octets : envoyez des images de webcam (des JPEG de quelques centaines de ko au plus).',
  'frames.body_too_large':
    'L’envoi dépasse {bytes} octets : envoyez une image de webcam (un JPEG de quelques centaines de ko au plus).',
  'frames.body_unreadable': 'L’envoi s’est interrompu : {reason}',

  'prompt.start': 'Regardez la caméra',
  'prompt.back': 'Revenez face à la caméra',
  'prompt.left': 'Tournez lentement la tête vers la gauche',
  'prompt.right': 'Tournez lentement la tête vers la droite',
  'prompt.up': 'Levez légèrement la tête',

  'page.title': '{title} · facegate',
  'page.footer': 'Connexion par le visage · sans mot de passe, sans photo conservée',
  'page.brand': 'facegate',

  'camera.preview': 'Aperçu de la caméra',
  'camera.live': 'En direct',
  'camera.off': 'Caméra éteinte',
  'camera.start': 'Allumer la caméra',
  'camera.other_ways': 'Autres façons de se connecter',
  'camera.cannot_use':
    'Vous ne pouvez pas utiliser de caméra ? Demandez aux responsables de l’application qui vous a envoyé ici une autre façon de vous connecter.',

  'signin.title': 'Connexion',
  'signin.to': 'Se connecter à',
  'signin.lead': 'Regardez votre caméra : facegate reconnaît votre visage. Aucun mot de passe à retenir.',
  'signin.start': 'Appuyez sur « Allumer la caméra », puis sur « Vérifier mon identité ».',
  'signin.verify': 'Vérifier mon identité',
  'signin.as': 'Connexion en tant que {account}.',
  'signin.particular_account': 'Se connecter avec un compte précis',
  'signin.account_label': 'Nom du compte',
  'signin.account_hint': 'Seul ce compte sera vérifié.',
  'signin.cancel': 'Annuler et revenir à {client}',
  'signin.privacy': 'Votre image est vérifiée puis effacée : facegate ne garde aucune photo de vous.',

  'enroll.title': 'Enregistrer votre visage',
  'enroll.account': 'Compte {account}',
  'enroll.lead_live':
    'Une courte vérification : suivez les consignes et tournez la tête comme demandé. Vous pourrez ensuite vous connecter avec votre visage.',
  'enroll.lead_live_named':
    '{name}, une courte vérification : suivez les consignes et tournez la tête comme demandé. Vous pourrez ensuite vous connecter avec votre visage.',
  'enroll.lead_plain':
    'Prenez {count} photos à quelques instants d’intervalle. Vous pourrez ensuite vous connecter avec votre visage.',
  'enroll.lead_plain_named':
    '{name}, prenez {count} photos à quelques instants d’intervalle. Vous pourrez ensuite vous connecter avec votre visage.',
  'enroll.replaces':
    'Ce lien remplace le visage enregistré pour ce compte : les photos que vous allez prendre deviendront son seul visage.',
  'enroll.adds':
    'Un visage est déjà enregistré pour ce compte : ces photos n’y seront ajoutées que si elles montrent la même personne.',
  'enroll.valid_until': 'Ce lien est valable jusqu’au {date}.',
  'enroll.name_label': 'Votre nom',
  'enroll.name_placeholder': 'Comment les applications doivent vous saluer',
  'enroll.start_live': 'Appuyez sur « Allumer la caméra », puis sur « Lancer la vérification ».',
  'enroll.start_plain':
    'Appuyez sur « Allumer la caméra », regardez-la bien en face, puis appuyez sur « Prendre les photos ».',
  'enroll.check': 'Lancer la vérification',
  'enroll.take': 'Prendre {count} photos',
  'enroll.done': 'Enregistré',
  'enroll.privacy': 'Nous gardons des nombres calculés à partir de ces photos, jamais les photos elles-mêmes.',
  'enroll.link_broken': 'Ce lien d’inscription ne fonctionne pas',

  'consent.title': 'Autoriser l’accès',
  'consent.signed_in_as': 'Connecté en tant que {account}',
  'consent.heading': '{client} demande un accès',
  'consent.lead': 'Autoriser {client} à voir :',
  'consent.deny': 'Refuser',
  'consent.allow': 'Autoriser',
  'consent.privacy':
    'Vous pouvez vous déconnecter de {client} à tout moment ; l’application garde jusque-là ce qu’elle a reçu.',
  'scope.openid': 'Qui vous êtes',
  'scope.openid.detail': 'Un identifiant de votre compte, et le fait que vous vous êtes connecté avec votre visage.',
  'scope.profile': 'Votre profil',
  'scope.profile.detail': 'Votre nom et votre photo de profil.',
  'scope.email': 'Votre adresse e-mail',
  'scope.email.detail': 'Et si elle a été vérifiée.',
  'scope.offline_access': 'Un accès en votre absence',
  'scope.offline_access.detail':
    'L’application peut rester reliée à votre compte jusqu’à ce que vous vous en déconnectiez.',
  'scope.other.detail': 'Une autorisation propre à cette application.',
  'claims.title': 'Des informations sur vous',
  'claims.detail': 'Ainsi que {claims}.',
  'claim.name': 'votre nom',
  'claim.given_name': 'votre prénom',
  'claim.family_name': 'votre nom de famille',
  'claim.email': 'votre adresse e-mail',
  'claim.email_verified': 'si votre adresse e-mail est vérifiée',
  'claim.picture': 'votre photo de profil',

  'error.title': 'Erreur de connexion',
  'error.heading': 'Cette connexion ne peut pas continuer',
  'error.expired_title': 'Connexion expirée',
  'error.expired_heading': 'Cette connexion a expiré',
  'error.enroll_title': 'Inscription',
  'error.advice':
    'Retournez à l’application d’où vous venez et recommencez. Si cela se reproduit, communiquez à son administrateur le code d’erreur ci-dessous.',
  'error.code': 'Code d’erreur',

  'logout.title': 'Déconnexion',
  'logout.heading': 'Se déconnecter de facegate ?',
  'logout.asked_by': '{client} demande à vous déconnecter.',
  'logout.lead': 'Il vous faudra votre visage pour vous reconnecter.',
  'logout.stay': 'Non, rester connecté',
  'logout.confirm': 'Oui, me déconnecter',
  'logged_out.title': 'Déconnecté',
  'logged_out.lead': 'Vous êtes déconnecté de facegate.',
  'logged_out.lead_client': 'Vous êtes déconnecté de facegate et de {client}.',
  'logged_out.close': 'Vous pouvez fermer cette fenêtre.',

  'script.camera_refused':
    'L’accès à la caméra a été refusé. Autorisez la caméra pour ce site (l’icône de caméra dans la barre d’adresse, ou les paramètres du site dans le navigateur), puis appuyez de nouveau sur « Allumer la caméra ».',
  'script.camera_blocked':
    'L’accès à la caméra a été refusé. Autorisez la caméra pour ce site dans les paramètres du navigateur, puis appuyez de nouveau sur « Allumer la caméra ».',
  'script.camera_missing':
    'Aucune caméra n’a été trouvée. Branchez une caméra et appuyez de nouveau sur « Allumer la caméra ».',
  'script.camera_unsuitable':
    'Aucune caméra adaptée n’a été trouvée. Branchez une caméra et appuyez de nouveau sur « Allumer la caméra ».',
  'script.camera_in_use':
    'La caméra est utilisée par une autre application. Fermez-la et appuyez de nouveau sur « Allumer la caméra ».',
  'script.camera_aborted': 'La caméra n’a pas pu démarrer. Appuyez de nouveau sur « Allumer la caméra ».',
  'script.camera_failed': 'La caméra n’a pas pu démarrer ({reason}). Appuyez de nouveau sur « Allumer la caméra ».',
  'script.insecure_page':
    'Les caméras ne fonctionnent que sur des pages sécurisées. Ouvrez cette page en https (ou sur localhost) ; demandez aux responsables du site de mettre en place https.',
  'script.no_camera_api':
    'Ce navigateur ne peut pas utiliser de caméra. Essayez une version récente de Chrome, Edge, Firefox ou Safari.',
  'script.camera_starting': 'Démarrage de la caméra…',
  'script.unreachable': 'Le service de connexion est injoignable. Vérifiez votre connexion réseau et réessayez.',
  'script.went_wrong': 'Une erreur est survenue (HTTP {status}). Réessayez.',
  'script.follow_prompts': 'Suivez les consignes sur l’image.',
  'script.signin_ready': 'Placez votre visage dans l’ovale, puis appuyez sur « Vérifier mon identité ».',
  'script.taking_picture': 'Prise de la photo…',
  'script.checking_face': 'Vérification de votre visage…',
  'script.recognised': 'Reconnu. Connexion en cours…',
  'script.crowded': 'Beaucoup de personnes se connectent en ce moment : un instant…',
  'script.attempts_left#one': 'Il reste {count} tentative.',
  'script.attempts_left#other': 'Il reste {count} tentatives.',
  'script.enroll_ready': 'Regardez bien la caméra en face, puis appuyez sur « Prendre les photos ».',
  'script.enroll_ready_live': 'Regardez bien la caméra en face, puis appuyez sur « Lancer la vérification ».',
  'script.picture_hold': 'Photo {number} sur {count} : ne bougez plus…',
  'script.getting_ready': 'Préparation…',
  'script.check_failed': 'La vérification n’a pas pu démarrer. Réessayez.',
  'script.checking_pictures': 'Vérification de vos photos…',
  'script.picture_refused': 'Photo {number} : {message}',
  // Consentement à la conservation du visage, et durée de conservation (ticket 15, points 1 et 2 ; branche consent).
  'consent.face.heading': 'Vos données faciales',
  'consent.face.kept':
    'Pour vous connecter, nous conservons un modèle de votre visage : des nombres calculés à partir de photos de votre visage. Les photos elles-mêmes ne sont pas conservées.',
  'consent.face.kept_days#one': 'Le modèle est supprimé si vous ne vous êtes pas connecté pendant {count} jour.',
  'consent.face.kept_days#other': 'Le modèle est supprimé si vous ne vous êtes pas connecté pendant {count} jours.',
  'consent.face.kept_until_deleted':
    'Le modèle est conservé jusqu’à ce que vous le fassiez supprimer ou que l’opérateur supprime votre compte.',
  'consent.face.operator': 'Ce service est exploité par {operator}.',
  'consent.face.delete':
    'Pour faire supprimer vos données faciales ou retirer votre consentement, adressez-vous à {operator}.',
  'consent.face.policy': 'Lire la politique de confidentialité complète',
  'consent.face.version': 'Version de la politique : {version}.',
  'consent.face.agree':
    'J’accepte que le modèle de mon visage soit conservé et utilisé pour me connecter, comme décrit ci-dessus.',
  'consent.face.tick_first': 'Cochez d’abord la case pour donner votre accord : la caméra ne démarre qu’ensuite.',
  'consent.required':
    'L’enregistrement demande votre consentement : cochez la case qui accepte la conservation du modèle de votre visage, puis réessayez.',
  'consent.outdated':
    'La politique de confidentialité a changé depuis l’ouverture de cette page. Rechargez la page, relisez-la et cochez de nouveau la case.',
  'consent.again.title': 'Votre consentement',
  'consent.again.heading': 'La politique de confidentialité de vos données faciales a changé',
  'consent.again.lead':
    'Votre visage a été reconnu. Avant de continuer vers {client}, lisez la nouvelle version et dites si vous l’acceptez.',
  'consent.again.continue': 'Continuer',
  'consent.again.decline': 'Je refuse',
  'consent.again.decline_hint':
    'Si vous refusez, cette connexion s’arrête et {client} est informé que l’accès a été refusé.',
  'consent.again.not_waiting':
    'Cette connexion n’attend pas votre consentement. Revenez à l’application et connectez-vous de nouveau.',
  // The /account page (the person's own page: their face, sign-ins, data, deletion).
  'account.title': 'Votre compte',
  'account.signed_in_as': 'Connecté en tant que {account}',
  'account.faces_heading': 'Votre visage',
  'account.templates#one': '{count} modèle',
  'account.templates#other': '{count} modèles',
  'account.enrolled_at': 'Enregistré le {date}',
  'account.model': 'Modèle de visage : {model}',
  'account.through_invitation': 'Par le lien d’enregistrement {invitation}',
  'account.through_command': 'Par l’opérateur, à partir de photos (facegate enroll)',
  'account.through_carry_over': 'Repris lors d’une connexion depuis l’ancien modèle {model}',
  'account.through_unknown': 'La façon dont il a été enregistré ne figure plus dans le journal d’audit',
  'account.no_faces': 'Aucun visage n’est enregistré pour ce compte.',
  'account.add_face': 'Ajouter un nouvel enregistrement',
  'account.add_face_hint':
    'Prend de nouvelles photos avec la caméra et les ajoute à votre visage, dès qu’elles lui correspondent. Utile si vous avez changé depuis votre enregistrement.',
  'account.signins_heading': 'Vos dernières connexions',
  'account.when': 'Quand',
  'account.client': 'Application',
  'account.result': 'Résultat',
  'account.ip': 'Adresse IP',
  'account.this_page': 'Cette page',
  'account.accepted': 'Connecté',
  'account.refused': 'Refusé ({reason})',
  'account.no_signins': 'Aucune connexion n’est encore enregistrée.',
  'account.data_heading': 'Vos données',
  'account.data_lead':
    'Téléchargez tout ce qui est conservé à votre sujet dans un fichier JSON : votre compte, les détails de vos modèles de visage et le journal d’audit de vos connexions et enregistrements.',
  'account.with_embeddings': 'Inclure les modèles de visage eux-mêmes (des suites de nombres)',
  'account.download': 'Télécharger mes données',
  'account.delete_heading': 'Supprimer votre visage',
  'account.delete_lead':
    'Supprime tous les modèles de visage conservés pour vous et vous déconnecte partout. Vous ne pourrez ensuite vous connecter avec votre visage qu’après un nouvel enregistrement.',
  'account.delete_face': 'Supprimer mon visage…',
  'account.delete_title': 'Supprimer votre visage ?',
  'account.delete_confirm_lead': 'C’est irréversible. Dès que vous confirmez :',
  'account.delete_consequence_templates': 'tous les modèles de visage de votre compte sont supprimés ;',
  'account.delete_consequence_sessions':
    'vous êtes déconnecté de toutes les applications, et leurs sessions et jetons cessent de fonctionner ;',
  'account.delete_consequence_enrol':
    'vous ne pourrez vous reconnecter avec votre visage qu’avec un nouveau lien d’enregistrement de l’opérateur ;',
  'account.delete_consequence_kept':
    'votre nom et votre adresse e-mail restent, et le journal d’audit garde ses entrées pendant sa durée de conservation.',
  'account.delete_cancel': 'Garder mon visage',
  'account.delete_confirm': 'Supprimer mon visage',
  'account.deleted_title': 'Votre visage est supprimé',
  'account.deleted_templates#one': '{count} modèle de visage a été supprimé.',
  'account.deleted_templates#other': '{count} modèles de visage ont été supprimés.',
  'account.deleted_signed_out': 'Vous êtes déconnecté de toutes les applications.',
  'account.deleted_enrol_again':
    'Pour vous connecter à nouveau avec votre visage, demandez un nouveau lien d’enregistrement à l’opérateur.',
  'account.signed_out':
    'Votre session sur cette page a pris fin. Rouvrez la page de votre compte et connectez-vous avec votre visage.',
  'account.sign_in_failed':
    'La connexion à la page de votre compte n’a pas pu aboutir. Rouvrez la page de votre compte et connectez-vous avec votre visage.',
  'account.sign_in_cancelled':
    'La connexion à la page de votre compte a été annulée ou refusée. Rouvrez la page de votre compte pour réessayer.',
  'account.consent_heading': 'Votre consentement',
  'account.consent_given': 'Vous avez consenti à la version {version} de la politique le {date}.',
  'account.consent_on_enrolment': 'Donné sur la page d’enregistrement.',
  'account.consent_at_sign_in': 'Redonné lors d’une connexion, après un changement de la politique.',
  'account.consent_by_operator': 'Consigné par l’opérateur qui vous a enregistré à partir de photos : {statement}',
  'account.no_consent':
    'Aucun consentement n’est consigné : votre visage a été enregistré avant que facegate ne le demande.',
  'account.gone': 'Ce compte n’existe plus.',
  'account.no_face': 'Aucun visage n’est enregistré pour ce compte : demandez un lien d’enregistrement à l’opérateur.',

  // Passkeys (issue 16) : à côté du visage sur la page de connexion, proposées après le visage à l’inscription.
  'passkey.other_way': 'Utiliser plutôt une clé d’accès',
  'passkey.other_way_hint':
    'Une clé d’accès ajoutée après l’inscription de votre visage : sur cet appareil, un téléphone à proximité ou une clé de sécurité.',
  'passkey.second_step': 'Cette application demande votre visage, puis votre clé d’accès.',
  'passkey.use': 'Utiliser ma clé d’accès',
  'passkey.offer_title': 'Ajouter une clé d’accès (facultatif)',
  'passkey.offer_lead':
    'Une clé d’accès vous permet de vous connecter quand la caméra ne le peut pas, et aux applications qui demandent davantage de vérifier ensemble votre visage et votre clé. Cette page peut en ajouter une pendant les 10 prochaines minutes.',
  'passkey.add': 'Ajouter une clé d’accès',
  'passkey.refused':
    'Cette clé d’accès n’a pas été acceptée. Réessayez, ou utilisez une autre clé d’accès de votre compte.',
  'passkey.other_account':
    'Cette clé d’accès appartient à un autre compte que celui du visage qui vient d’être reconnu. Utilisez votre propre clé d’accès.',
  'passkey.start_again':
    'Cette demande de clé d’accès a expiré ou a déjà reçu une réponse. Appuyez sur le bouton pour recommencer.',
  'passkey.exists': 'Cette clé d’accès est déjà enregistrée.',
  'passkey.grant_invalid':
    'Cette page ne peut plus ajouter de clé d’accès : elle peut en ajouter une seule, dans les 10 minutes qui suivent l’inscription de votre visage.',
  'passkey.not_offered':
    'Une clé d’accès n’est pas acceptée pour cette connexion : l’application demande votre visage.',
  'passkey.not_face':
    'Cette application demande une clé d’accès, pas votre visage : appuyez sur « Utiliser plutôt une clé d’accès ».',
  'passkey.face_first':
    'Montrez d’abord votre visage : cette application demande votre visage, puis votre clé d’accès.',
  'passkey.face_done': 'Votre visage est reconnu. Utilisez maintenant votre clé d’accès pour terminer la connexion.',
  'passkey.account_heading': 'Vos clés d’accès',
  'passkey.account_added': 'Ajoutée le {date}',
  'passkey.account_last_used': 'Dernière utilisation le {date}',
  'passkey.account_never_used': 'Pas encore utilisée',
  'passkey.account_remove': 'Supprimer cette clé d’accès',
  'passkey.account_none': 'Aucune clé d’accès n’est enregistrée pour votre compte.',
  'passkey.account_hint':
    'Supprimer votre visage laisse vos clés d’accès : supprimez-les ici. Une clé d’accès s’ajoute sur la page d’inscription, juste après votre visage.',
  'passkey.script.waiting': 'Suivez les indications de votre navigateur pour utiliser votre clé d’accès…',
  'passkey.script.creating': 'Suivez les indications de votre navigateur pour créer votre clé d’accès…',
  'passkey.script.checking': 'Vérification de votre clé d’accès…',
  'passkey.script.accepted': 'Clé d’accès acceptée. Connexion en cours…',
  'passkey.script.added':
    'Votre clé d’accès est ajoutée. Vous pourrez vous connecter avec elle quand la caméra ne le peut pas.',
  'passkey.script.cancelled': 'La fenêtre de la clé d’accès a été fermée. Appuyez sur le bouton pour réessayer.',
  'passkey.script.unsupported':
    'Ce navigateur ne sait pas utiliser les clés d’accès. Essayez une version récente de Chrome, Edge, Firefox ou Safari.',
};
